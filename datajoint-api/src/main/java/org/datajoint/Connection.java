package org.datajoint;

import java.util.List;
import java.util.Map;

/**
 * An instance's connection to its server: a pool of JDBC connections opened on first use, with
 * statements that take their values only as bound parameters.
 *
 * <p>Thread-safe. Each call borrows a pooled JDBC connection for its duration, except inside
 * {@link #transaction(Work)}, where every call made by that thread uses the transaction's connection.
 * When {@code database.reconnect} is true (the default), a statement that finds its connection
 * killed by the server is retried once on a fresh one, unless it ran inside a transaction, where
 * {@link ConnectionLostException} is thrown instead.
 *
 * <p>When every connection of the pool ({@code connection.max_pool_size}) stays in use for the
 * connect timeout, a call throws {@link PoolTimeoutException}. Interrupting a thread cancels the
 * statement it is running on the server (within about 50 ms): the call throws
 * {@link QueryException}, the thread stays interrupted, and the connection goes back to the pool.
 */
public interface Connection {

    /** The backend this connection talks to: {@code mysql} or {@code postgresql}, or a third-party dialect's name. */
    String backend();

    /** The server's product and version, read on first use ({@code MariaDB 11.4.5}, {@code PostgreSQL 17.6}). */
    ServerInfo server();

    /** The configuration this connection reads (the owning instance's). */
    Config config();

    /**
     * Runs a query and returns its rows, each an insertion-ordered map of column label to JDBC value.
     * {@code ?} placeholders take {@code params} as bound values.
     *
     * @throws SqlTextException when {@code sql} holds more than one statement
     */
    List<Map<String, Object>> query(String sql, Object... params);

    /**
     * Runs a statement and returns its update count ({@code 0} for statements that count nothing;
     * rows a statement returns are discarded). {@code ?} takes bound values.
     *
     * @throws SqlTextException when {@code sql} holds more than one statement
     */
    long execute(String sql, Object... params);

    /**
     * Runs {@code work} in one transaction and returns its result: commit when it returns, roll back
     * when it throws (the exception is rethrown; checked ones wrapped in {@link DataJointException}).
     * A transaction started inside another one joins it as a savepoint: when the inner work
     * throws, only what it did is rolled back (the outer work may catch the exception and go on),
     * and everything commits or rolls back with the outermost transaction. The exception is that
     * when the server has already rolled back the whole transaction (MySQL does on a deadlock), the
     * outermost one then throws {@link TransactionConflictException} instead of committing the rest.
     */
    <T> T transaction(Work<T> work);

    /** Whether the calling thread is inside {@link #transaction(Work)}. */
    boolean inTransaction();

    /**
     * Lends the calling code a pooled {@link java.sql.Connection} for the duration of the callback,
     * the transaction's connection when inside one. Do not close it or keep it.
     */
    <T> T withJdbc(JdbcWork<T> work);

    /**
     * How many statements this connection has sent to the server so far: a diagnostic for round
     * trips (metadata loading, for example), not a performance counter of the driver.
     */
    long statementCount();

    /** Checks that the server answers; returns {@code false} rather than throwing when it does not. */
    boolean ping();

    /** Work run inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /** Work given a pooled JDBC connection. */
    @FunctionalInterface
    interface JdbcWork<T> {
        T run(java.sql.Connection jdbc) throws java.sql.SQLException;
    }
}
