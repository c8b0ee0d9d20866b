package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.datajoint.Config;
import org.datajoint.Connection;
import org.datajoint.ConnectionLostException;
import org.datajoint.DataJointException;
import org.datajoint.ServerInfo;
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
 * An instance's connection: a {@link ConnectionPool} opened on first use, statements run on its
 * connections or the calling thread's transaction, each watched so that interrupting the thread
 * cancels it on the server ({@link StatementWatch}).
 */
final class ConnectionImpl implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionImpl.class);

    private final ConfigImpl config;
    private final Dialect dialect;
    /** The calling thread's transaction, if it is in one. */
    private final ThreadLocal<OpenTransaction> transaction = new ThreadLocal<>();
    private final DSLContext renderer;
    private volatile ConnectionPool pool;
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
     * A statement plan (rendered SQL and converters) by the shape it was made for, made once and
     * kept in the {@link PlanCache} shared by the instances of this JVM.
     */
    <T> T plan(Object shape, java.util.function.Supplier<T> make) {
        return PlanCache.plan(dialect.getClass(), serverRenderer().dialect(), shape, make);
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

    private ConnectionPool pool() {
        ConnectionPool p = pool;
        if (p == null) {
            synchronized (this) {
                checkOpen();
                p = pool;
                if (p == null) {
                    p = ConnectionPool.open(config, dialect, settings());
                    server = p.server();
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Makes room in the pool for {@code size} more connections held at once; see {@link ConnectionPool#ensureSize}. */
    void ensurePoolSize(int size) {
        pool().ensureSize(size);
    }

    private void checkOpen() {
        if (closed) {
            throw new DataJointException("This DataJoint instance is closed; build a new one");
        }
    }

    /** Holds a connection until the lease is released: the current transaction's, else a pooled one. */
    ConnectionPool.Lease lease() {
        checkOpen();
        OpenTransaction tx = transaction.get();
        if (tx != null) {
            return new ConnectionPool.Lease(tx.jdbc(), null);
        }
        ConnectionPool p = pool();
        return new ConnectionPool.Lease(p.borrow(), p);
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
        OpenTransaction tx = transaction.get();
        if (tx != null) {
            StatementWatch watch = StatementWatch.of(tx.jdbc());
            boolean failed = false;
            try {
                return work.run(watch.connection());
            } catch (SQLException e) {
                failed = true;
                throw watch.failure(this, e, sqlForErrors, Errors.lost(dialect, tx.jdbc(), e));
            } finally {
                watch.close();
                if (watch.cancelled()) {
                    watch.awaitCancel();
                    if (!failed) {
                        tx.cancelled();
                    }
                }
            }
        }
        ConnectionPool p = pool();
        for (int attempt = 0; ; attempt++) {
            java.sql.Connection c = p.borrow();
            StatementWatch watch = StatementWatch.of(c);
            try {
                T result = work.run(watch.connection());
                watch.close();
                watch.awaitCancel();
                p.release(c, watch.cancelled());
                return result;
            } catch (SQLException e) {
                watch.close();
                watch.awaitCancel();
                boolean lost = Errors.lost(dialect, c, e);
                p.release(c, lost);
                if (lost && attempt == 0 && !watch.cancelled() && config.getBoolean("database.reconnect")) {
                    LOG.info("Connection to {} was lost; reconnecting and retrying once", server);
                    continue;
                }
                throw watch.failure(this, e, sqlForErrors, lost);
            } catch (RuntimeException | Error e) {
                watch.close();
                watch.awaitCancel();
                p.release(c, watch.cancelled());
                throw e;
            }
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... params) {
        PortableSql.checkStatement(sql, dialect.sqlSyntax());
        return run(sql, c -> {
            statements.incrementAndGet();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                JdbcRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return JdbcRows.read(rs);
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
                JdbcRows.bind(ps, params);
                return ps.execute() ? 0L : Math.max(0L, ps.getLargeUpdateCount());
            }
        });
    }

    @Override
    public <T> T transaction(Work<T> work) {
        OpenTransaction outer = transaction.get();
        return outer != null ? nested(outer, work) : begin(work, false);
    }

    /**
     * A transaction whose nested writes join it without savepoints: for work that rolls back as
     * a whole whenever any part fails (a make and its inserts).
     */
    <T> T ownTransaction(Work<T> work) {
        OpenTransaction outer = transaction.get();
        return outer != null ? nested(outer, work) : begin(work, true);
    }

    /**
     * A write of the engine's: a transaction of its own; inside a user's transaction, behind a
     * savepoint, so that a failed write leaves the user's transaction as it was on every
     * backend; inside {@link #ownTransaction} it joins.
     */
    <T> T write(Work<T> work) {
        OpenTransaction outer = transaction.get();
        if (outer == null) {
            return begin(work, false);
        }
        return outer.owned() ? call(work) : nested(outer, work);
    }

    private <T> T begin(Work<T> work, boolean own) {
        checkOpen();
        ConnectionPool p = pool();
        java.sql.Connection c = p.borrow();
        OpenTransaction tx = new OpenTransaction(c, own);
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
            broken = e instanceof ConnectionLostException || Errors.classify(dialect, e) == ErrorKind.CONNECTION_LOST;
            rollback(c);
            throw e;
        } finally {
            transaction.remove();
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
            }
            p.release(c, broken || tx.wasCancelled());
        }
    }

    /** Work inside a running transaction, behind a savepoint that is rolled back if it throws. */
    private <T> T nested(OpenTransaction tx, Work<T> work) {
        tx.checkNotAborted();
        java.sql.Connection c = tx.jdbc();
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
            if (!(e instanceof ConnectionLostException) && Errors.classify(dialect, e) != ErrorKind.CONNECTION_LOST) {
                try {
                    c.rollback(savepoint);
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                    tx.abortedBy(e);
                }
            }
            throw e;
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
