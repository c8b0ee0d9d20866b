package org.datajoint.engine.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.datajoint.Config;
import org.datajoint.Connection;
import org.datajoint.DataJointException;
import org.datajoint.ServerInfo;
import org.datajoint.TransactionConflictException;
import org.datajoint.engine.internal.config.ConfigImpl;
import org.datajoint.engine.internal.portable.PortableSql;
import org.datajoint.engine.spi.ConnectionSettings;
import org.datajoint.engine.spi.Dialect;
import org.datajoint.engine.spi.ErrorKind;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's connection: a HikariCP pool opened on first use, holding no idle connection once
 * the first one is returned, housekept by one JVM-wide thread.
 */
final class ConnectionImpl implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionImpl.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ConfigImpl config;
    private final Dialect dialect;
    /** The calling thread's transaction, if it is in one. */
    private final ThreadLocal<Tx> transaction = new ThreadLocal<>();
    private final DSLContext renderer;
    private volatile HikariDataSource pool;
    private volatile ServerInfo server;
    private volatile DSLContext serverRenderer;
    private volatile boolean closed;
    private final AtomicLong statements = new AtomicLong();

    ConnectionImpl(ConfigImpl config, Dialect dialect) {
        this.config = config;
        this.dialect = dialect;
        this.renderer = rendererFor(dialect.sqlDialect());
    }

    /** Rendering contexts by jOOQ dialect: they hold no connection, so every instance shares them. */
    private static final Map<org.jooq.SQLDialect, DSLContext> RENDERERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static DSLContext rendererFor(org.jooq.SQLDialect sqlDialect) {
        return RENDERERS.computeIfAbsent(sqlDialect, d -> DSL.using(d, new Settings()
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderFormatted(false)));
    }

    @Override
    public String backend() {
        return dialect.name();
    }

    @Override
    public Config config() {
        return config;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Statement plans of every instance in this JVM, by the SQL dialect they were rendered for and
     * their shape; a plan holds no values, so instances share them, and a new instance's first
     * statements of a known shape are not rendered again.
     */
    private static final Map<Object, Object> PLANS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > 4096;
                }
            });

    /** What a plan is kept by: the backend, the jOOQ dialect of the server, and the shape. */
    private record PlanKey(Class<?> dialect, org.jooq.SQLDialect sql, Object shape) {

        /** Written out, as {@link StatementPlans.Key}'s are. */
        @Override
        public int hashCode() {
            return (dialect.hashCode() * 31 + sql.hashCode()) * 31 + shape.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PlanKey k && dialect == k.dialect && sql == k.sql && shape.equals(k.shape);
        }
    }

    /**
     * A statement plan (rendered SQL and converters) by the shape it was made for, made once and
     * kept in an LRU cache shared by the instances of this JVM; shapes include the heading, so a
     * redeclared table gets new plans.
     */
    @SuppressWarnings("unchecked")
    <T> T plan(Object shape, java.util.function.Supplier<T> make) {
        PlanKey key = new PlanKey(dialect.getClass(), serverRenderer().dialect(), shape);
        Object p = PLANS.get(key);
        if (p == null) {
            p = make.get();
            if (p != null) {
                PLANS.put(key, p);
            }
        }
        return (T) p;
    }

    /** The plan kept for {@code shape}, or {@code null}. */
    <T> T plan(Object shape) {
        return plan(shape, () -> null);
    }

    /** Renders SQL for this backend before any server is known (names, portable DDL). */
    DSLContext renderer() {
        return renderer;
    }

    /** Renders SQL for the actual server (MySQL vs MariaDB); opens the pool. */
    DSLContext serverRenderer() {
        if (serverRenderer == null) {
            serverRenderer = rendererFor(dialect.sqlDialect(server()));
        }
        return serverRenderer;
    }

    @Override
    public ServerInfo server() {
        if (server == null) {
            pool();
        }
        return server;
    }

    ConnectionSettings settings() {
        Integer port = (Integer) config.get("database.port");
        return new ConnectionSettings(config.getString("database.host"),
                port != null ? port : dialect.defaultPort(),
                config.getString("database.user"), config.getString("database.password"),
                (Boolean) config.get("database.use_tls"), config.getString("database.name"),
                Duration.ofSeconds(config.getInt("connection.connect_timeout")));
    }

    private HikariDataSource pool() {
        HikariDataSource p = pool;
        if (p == null) {
            synchronized (this) {
                checkOpen();
                p = pool;
                if (p == null) {
                    p = openPool();
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Opens the pool and its first connection. The data source is configured directly, not copied
     * from a separate {@code HikariConfig} (a copy by reflection), and starts on its first borrow.
     */
    private HikariDataSource openPool() {
        ConnectionSettings s = settings();
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
        try (java.sql.Connection c = ds.getConnection()) {
            ds.setMinimumIdle(0);
            config.freezeConnectionSettings();
            server = dialect.describe(c);
        } catch (SQLException | RuntimeException e) {
            ds.close();
            throw Errors.connect(dialect, e, s.user(), s.host(), s.port());
        }
        LOG.debug("Opened pool {} to {}", ds.getPoolName(), server);
        return ds;
    }

    /**
     * Makes room in the pool for {@code size} more connections held at once, by workers that each
     * hold one: raises its maximum when needed (never lowering it) and then opens them now, since
     * the pool grows one connection at a time and a worker waiting for it could time out.
     */
    void ensurePoolSize(int size) {
        synchronized (this) {
            HikariDataSource p = pool();
            int needed = size + p.getHikariPoolMXBean().getActiveConnections();
            var limits = p.getHikariConfigMXBean();
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

    private void checkOpen() {
        if (closed) {
            throw new DataJointException("This DataJoint instance is closed; build a new one");
        }
    }

    private java.sql.Connection borrow() {
        HikariDataSource p = pool();
        try {
            return p.getConnection();
        } catch (SQLException e) {
            ConnectionSettings s = settings();
            throw Errors.connect(dialect, e, s.user(), s.host(), s.port());
        }
    }

    /** A JDBC connection held beyond one call: the transaction's, or a borrowed one returned by {@link #release}. */
    final class Lease {
        private final java.sql.Connection jdbc;
        private final boolean borrowed;

        private Lease(java.sql.Connection jdbc, boolean borrowed) {
            this.jdbc = jdbc;
            this.borrowed = borrowed;
        }

        java.sql.Connection jdbc() {
            return jdbc;
        }

        void release(boolean broken) {
            if (borrowed) {
                ConnectionImpl.this.release(jdbc, broken);
            }
        }
    }

    /** Holds a connection until the lease is released: the current transaction's, else a pooled one. */
    Lease lease() {
        checkOpen();
        Tx tx = transaction.get();
        return tx != null ? new Lease(tx.jdbc, false) : new Lease(borrow(), true);
    }

    @Override
    public <T> T withJdbc(JdbcWork<T> work) {
        return run("(JDBC work)", work);
    }

    /**
     * Runs JDBC work on the transaction's connection or a borrowed one; retries once on a fresh
     * connection when the borrowed one turns out to be dead and {@code database.reconnect} is on.
     */
    <T> T run(String sqlForErrors, JdbcWork<T> work) {
        checkOpen();
        Tx tx = transaction.get();
        if (tx != null) {
            try {
                return work.run(tx.jdbc);
            } catch (SQLException e) {
                throw Errors.statement(dialect, e, sqlForErrors);
            }
        }
        for (int attempt = 0; ; attempt++) {
            java.sql.Connection c = borrow();
            try {
                T result = work.run(c);
                c.close();
                return result;
            } catch (SQLException e) {
                boolean lost = dialect.classify(e) == ErrorKind.CONNECTION_LOST;
                release(c, lost);
                if (lost && attempt == 0 && config.getBoolean("database.reconnect")) {
                    LOG.info("Connection to {} was lost; reconnecting and retrying once", server);
                    continue;
                }
                throw Errors.statement(dialect, e, sqlForErrors);
            } catch (RuntimeException | Error e) {
                release(c, false);
                throw e;
            }
        }
    }

    private void release(java.sql.Connection c, boolean broken) {
        try {
            if (broken) {
                pool.evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Ignoring failure to release a connection: {}", e.toString());
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... params) {
        PortableSql.checkStatement(sql, dialect.sqlSyntax());
        return run(sql, c -> {
            statements.incrementAndGet();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rows(rs);
                }
            }
        });
    }

    @Override
    public long execute(String sql, Object... params) {
        PortableSql.checkStatement(sql, dialect.sqlSyntax());
        return run(sql, c -> {
            statements.incrementAndGet();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.execute() ? 0L : Math.max(0L, ps.getLargeUpdateCount());
            }
        });
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; params != null && i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                row.put(labels[i], rs.getObject(i + 1));
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public <T> T transaction(Work<T> work) {
        Tx outer = transaction.get();
        return outer != null ? nested(outer, work) : begin(work, false);
    }

    /**
     * A transaction whose nested writes join it without savepoints: for work that rolls back as
     * a whole whenever any part fails (a make and its inserts).
     */
    <T> T ownTransaction(Work<T> work) {
        Tx outer = transaction.get();
        return outer != null ? nested(outer, work) : begin(work, true);
    }

    /**
     * A write of the engine's: a transaction of its own; inside a user's transaction, behind a
     * savepoint, so that a failed write leaves the user's transaction as it was on every
     * backend; inside {@link #ownTransaction} it joins.
     */
    <T> T write(Work<T> work) {
        Tx outer = transaction.get();
        if (outer == null) {
            return begin(work, false);
        }
        return outer.owned ? call(work) : nested(outer, work);
    }

    private <T> T begin(Work<T> work, boolean own) {
        checkOpen();
        java.sql.Connection c = borrow();
        Tx tx = new Tx(c, own);
        transaction.set(tx);
        boolean broken = false;
        try {
            c.setAutoCommit(false);
            T result = call(work);
            tx.checkNotAborted();
            c.commit();
            return result;
        } catch (SQLException e) {
            broken = dialect.classify(e) == ErrorKind.CONNECTION_LOST;
            rollback(c);
            throw Errors.statement(dialect, e, "COMMIT");
        } catch (RuntimeException | Error e) {
            broken = Errors.classify(dialect, e) == ErrorKind.CONNECTION_LOST;
            rollback(c);
            throw e;
        } finally {
            transaction.remove();
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
            }
            release(c, broken);
        }
    }

    /** Work inside a running transaction, behind a savepoint that is rolled back if it throws. */
    private <T> T nested(Tx tx, Work<T> work) {
        tx.checkNotAborted();
        java.sql.Connection c = tx.jdbc;
        java.sql.Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw Errors.statement(dialect, e, "SAVEPOINT");
        }
        try {
            T result = call(work);
            releaseSavepoint(c, savepoint);
            return result;
        } catch (RuntimeException | Error e) {
            if (Errors.classify(dialect, e) != ErrorKind.CONNECTION_LOST) {
                try {
                    c.rollback(savepoint);
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                    if (tx.aborted == null) {
                        tx.aborted = e;
                    }
                }
            }
            throw e;
        }
    }

    /** A thread's transaction: its connection, whether it is an {@link #ownTransaction}, and what aborted it. */
    private static final class Tx {
        final java.sql.Connection jdbc;
        final boolean owned;
        /** The failure after which the server had rolled the whole transaction back, if any. */
        Throwable aborted;

        Tx(java.sql.Connection jdbc, boolean owned) {
            this.jdbc = jdbc;
            this.owned = owned;
        }

        /**
         * Refuses to go on with a transaction the server has already rolled back: MySQL ends the whole
         * transaction on a deadlock, so the savepoint of the nested work that met it is gone, and
         * committing the rest would keep only what came after.
         */
        void checkNotAborted() {
            if (aborted != null) {
                throw new TransactionConflictException("The server rolled this transaction back when work nested in"
                        + " it failed (" + Errors.rootMessage(aborted) + "); nothing of it is committed. Run the"
                        + " whole transaction again.", aborted);
            }
        }
    }

    /** Frees a savepoint whose work succeeded; what it covered stays in the outer transaction. */
    private void releaseSavepoint(java.sql.Connection c, java.sql.Savepoint savepoint) {
        try {
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw Errors.statement(dialect, e, "RELEASE SAVEPOINT");
        }
    }

    private <T> T call(Work<T> work) {
        try {
            return work.run(this);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DataJointException("Transaction work failed: " + e, e);
        }
    }

    private void rollback(java.sql.Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", e.toString());
        }
    }

    @Override
    public long statementCount() {
        return statements.get();
    }

    /** Counts statements run outside {@link #query} and {@link #execute}, such as catalog reads. */
    void countStatements(long n) {
        statements.addAndGet(n);
    }

    @Override
    public boolean inTransaction() {
        return transaction.get() != null;
    }

    @Override
    public boolean ping() {
        try {
            return run("(ping)", c -> c.isValid((int) Math.max(1, settings().connectTimeout().toSeconds())));
        } catch (DataJointException e) {
            return false;
        }
    }

    /** Closes the pool; idempotent. */
    void close() {
        synchronized (this) {
            closed = true;
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
    }

    @Override
    public String toString() {
        ConnectionSettings s = settings();
        return "Connection[" + dialect.name() + " " + s.user() + "@" + s.host() + ":" + s.port()
                + (server == null ? ", not yet opened" : ", " + server) + "]";
    }
}
