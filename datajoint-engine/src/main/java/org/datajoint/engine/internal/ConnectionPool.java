package org.datajoint.engine.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.datajoint.ConnectionException;
import org.datajoint.DataJointException;
import org.datajoint.PoolTimeoutException;
import org.datajoint.ServerInfo;
import org.datajoint.engine.internal.config.ConfigImpl;
import org.datajoint.engine.spi.ConnectionSettings;
import org.datajoint.engine.spi.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's HikariCP pool, holding no idle connection once the first one is returned,
 * housekept by one JVM-wide thread. Failing to get a connection is reported for what it is: the
 * server cannot be reached, every connection of the pool is in use, or the thread was interrupted.
 */
final class ConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource ds;
    private final Dialect dialect;
    private final ConnectionSettings settings;
    private final ServerInfo server;

    private ConnectionPool(HikariDataSource ds, Dialect dialect, ConnectionSettings settings, ServerInfo server) {
        this.ds = ds;
        this.dialect = dialect;
        this.settings = settings;
        this.server = server;
    }

    /**
     * Opens the pool and its first connection, and freezes the connection settings. The data
     * source is configured directly, not copied from a separate {@code HikariConfig} (a copy by
     * reflection), and starts on its first borrow.
     */
    static ConnectionPool open(ConfigImpl config, Dialect dialect, ConnectionSettings s) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("datajoint-" + POOLS.incrementAndGet() + "-" + s.host() + ":" + s.port());
        try {
            ds.setDataSource(new DriverSource(dialect, dialect.jdbcUrl(s), dialect.jdbcProperties(s)));
        } catch (SQLException e) {
            throw Errors.connect(dialect, e, s.user(), s.host(), s.port());
        }
        ds.setMaximumPoolSize(config.getInt("connection.max_pool_size"));
        ds.setMinimumIdle(1);
        ds.setIdleTimeout(config.getInt("connection.idle_timeout") * 1000L);
        ds.setMaxLifetime(config.getInt("connection.max_lifetime") * 1000L);
        ds.setConnectionTimeout(Math.max(250L, s.connectTimeout().toMillis()));
        ds.setValidationTimeout(Math.min(5000L, Math.max(250L, s.connectTimeout().toMillis())));
        ds.setInitializationFailTimeout(1);
        ds.setScheduledExecutor(SharedExecutors.HOUSEKEEPING);
        ServerInfo server;
        try (java.sql.Connection c = ds.getConnection()) {
            ds.setMinimumIdle(0);
            config.freezeConnectionSettings();
            server = dialect.describe(c);
        } catch (SQLException | RuntimeException e) {
            ds.close();
            throw Errors.connect(dialect, e, s.user(), s.host(), s.port());
        }
        LOG.debug("Opened pool {} to {}", ds.getPoolName(), server);
        return new ConnectionPool(ds, dialect, s, server);
    }

    ServerInfo server() {
        return server;
    }

    /** A connection of the pool, to be given back by {@link #release}. */
    java.sql.Connection borrow() {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw failedBorrow(e);
        }
    }

    private DataJointException failedBorrow(SQLException e) {
        if (e.getCause() instanceof InterruptedException) {
            return new ConnectionException("The thread was interrupted while it waited for a free connection of the"
                    + " pool to " + settings.host() + ":" + settings.port() + "; nothing was sent to the server", e);
        }
        if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
            var state = ds.getHikariPoolMXBean();
            int max = ds.getHikariConfigMXBean().getMaximumPoolSize();
            return new PoolTimeoutException("No connection of the pool to " + settings.host() + ":" + settings.port()
                    + " came free within " + ds.getConnectionTimeout() + " ms: all " + max + " connections of the pool"
                    + " (connection.max_pool_size = " + max + ") were in use, " + state.getActiveConnections()
                    + " active and " + state.getThreadsAwaitingConnection() + " threads waiting. Close each stream"
                    + " (try-with-resources) and end each transaction as soon as it is done, since each holds a"
                    + " connection until then, or raise connection.max_pool_size to let more threads work at once",
                    e);
        }
        return Errors.connect(dialect, e, settings.user(), settings.host(), settings.port());
    }

    /** Gives a connection back to the pool, or closes it for good when it is {@code broken}. */
    void release(java.sql.Connection c, boolean broken) {
        try {
            if (broken) {
                ds.evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Ignoring failure to release a connection: {}", e.toString());
        }
    }

    /**
     * Makes room in the pool for {@code size} more connections held at once, by workers that each
     * hold one: raises its maximum when needed (never lowering it) and then opens them now, since
     * the pool grows one connection at a time and a worker waiting for it could time out.
     */
    void ensureSize(int size) {
        synchronized (this) {
            int needed = size + ds.getHikariPoolMXBean().getActiveConnections();
            var limits = ds.getHikariConfigMXBean();
            if (limits.getMaximumPoolSize() >= needed) {
                return;
            }
            LOG.info("Raising the connection pool's maximum from {} to {} for {} populate workers",
                    limits.getMaximumPoolSize(), needed, size);
            limits.setMaximumPoolSize(needed);
        }
        List<java.sql.Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                opened.add(borrow());
            }
        } catch (DataJointException e) {
            LOG.debug("Opened {} of {} connections ahead of the workers: {}", opened.size(), size, e.toString());
        } finally {
            opened.forEach(c -> release(c, false));
        }
    }

    void close() {
        ds.close();
    }

    /** A JDBC connection held beyond one call: the calling thread's transaction's, or one borrowed from a pool until released. */
    static final class Lease {
        private final java.sql.Connection jdbc;
        private final ConnectionPool lender;

        Lease(java.sql.Connection jdbc, ConnectionPool lender) {
            this.jdbc = jdbc;
            this.lender = lender;
        }

        java.sql.Connection jdbc() {
            return jdbc;
        }

        /** Whether the connection is the calling thread's transaction's, which the transaction gives back. */
        boolean inTransaction() {
            return lender == null;
        }

        void release(boolean broken) {
            if (lender != null) {
                lender.release(jdbc, broken);
            }
        }
    }
}
