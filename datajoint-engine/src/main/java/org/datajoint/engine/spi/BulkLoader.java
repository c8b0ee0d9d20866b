package org.datajoint.engine.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * A faster path than batched {@code INSERT}s for plain inserts of many rows, such as
 * PostgreSQL's {@code COPY ... FROM STDIN}. A dialect offers one with
 * {@link Dialect#bulkLoader()}; the engine uses it only for inserts that neither skip nor replace
 * duplicates, once an insert call has gathered a full batch of rows with the same attributes, and
 * only when {@link #supports} accepts every column's type. Everything else about the insert is
 * unchanged: it runs in the caller's transaction, and a failed load leaves the table as it was.
 *
 * <p>Implementations are stateless and thread-safe; a {@link Load} belongs to one thread.
 */
public interface BulkLoader {

    /** Whether values of this core type can be loaded; a table with any other column is inserted in batches. */
    boolean supports(CoreType type);

    /**
     * The statement that {@link #open} starts, as it appears in error messages.
     *
     * @param table the table's qualified, quoted name
     * @param columns the columns' quoted names, in the order of the values of each row
     */
    String statement(String table, List<String> columns);

    /**
     * Starts loading rows into {@code table} on {@code connection}, which is in a transaction
     * and stays in use by the load until it is finished or closed.
     *
     * @param table the table's qualified, quoted name
     * @param columns the columns' quoted names, in the order of the values of each row; their core
     *     types are ones {@link #supports} accepted
     * @throws SQLException if the server refuses to start the load
     */
    Load open(java.sql.Connection connection, String table, List<String> columns) throws SQLException;

    /** One load in progress. Closing it before {@link #finish()} abandons every row it was given. */
    interface Load extends AutoCloseable {

        /**
         * Adds one row, whose values are those the engine binds for an {@code INSERT}: {@code null},
         * {@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link Double},
         * {@link java.math.BigDecimal}, {@link Boolean}, {@link java.util.UUID},
         * {@link java.time.LocalDate}, {@link java.time.LocalDateTime}, {@link String} or
         * {@code byte[]}. The row may be buffered; the server may report an earlier row's error here.
         *
         * @throws SQLException if the value cannot be sent (with the SQLState the server would give it) or the server failed
         */
        void add(Object[] row) throws SQLException;

        /**
         * Sends what is buffered and ends the load.
         *
         * @return the number of rows loaded
         * @throws SQLException if the server refuses a row; then no row of the load is kept
         */
        long finish() throws SQLException;

        /** Abandons an unfinished load; does nothing after {@link #finish()}. Never throws. */
        @Override
        void close();
    }
}
