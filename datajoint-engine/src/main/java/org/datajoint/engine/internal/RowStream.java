package org.datajoint.engine.internal;

import java.lang.ref.Cleaner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.datajoint.DataJointException;
import org.datajoint.QueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lazy stream of rows over a server-side cursor. It owns a pooled connection (or uses the
 * caller's transaction) until closed. A stream that becomes unreachable unclosed is closed by a
 * {@link Cleaner}, with a warning that names where it was opened, so that its connection goes
 * back to the pool.
 */
final class RowStream {

    private static final Logger LOG = LoggerFactory.getLogger(RowStream.class);
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "datajoint-stream-cleaner");
        t.setDaemon(true);
        return t;
    });

    private RowStream() {
    }

    static Stream<Map<String, Object>> open(ConnectionImpl connection, QueryImpl.Statement statement) {
        String sql = statement.sql();
        List<ValueCodec> codecs = statement.codecs();
        ConnectionPool.Lease lease = connection.lease();
        Opened opened = new Opened(sql);
        try {
            boolean ownTransaction = connection.dialect().streamingNeedsTransaction() && lease.jdbc().getAutoCommit();
            if (ownTransaction) {
                lease.jdbc().setAutoCommit(false);
            }
            PreparedStatement ps = lease.jdbc().prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            for (int i = 0; i < statement.values().size(); i++) {
                ps.setObject(i + 1, statement.values().get(i));
            }
            connection.dialect().enableStreaming(ps);
            connection.countStatements(1);
            ResultSet rs;
            try (StatementWatch watch = StatementWatch.of(ps)) {
                try {
                    rs = ps.executeQuery();
                } catch (SQLException e) {
                    throw watch.failure(connection, e, sql, false);
                }
            }
            Resources resources = new Resources(lease, ps, rs, ownTransaction, opened);
            Rows rows = new Rows(connection, rs, codecs, sql);
            Cleaner.Cleanable cleanable = CLEANER.register(rows, resources);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                    false).onClose(() -> {
                        resources.closedByCaller = true;
                        cleanable.clean();
                    });
        } catch (SQLException e) {
            lease.release(true);
            throw Errors.statement(connection.dialect(), e, sql);
        } catch (RuntimeException e) {
            lease.release(true);
            throw e;
        }
    }

    /** The rows, read on demand; referenced by the stream and whatever iterates it, never by its {@link Resources}. */
    private static final class Rows implements Iterator<Map<String, Object>> {
        private final ConnectionImpl connection;
        private final ResultSet rs;
        private final List<ValueCodec> codecs;
        private final String sql;
        private Boolean ready;

        Rows(ConnectionImpl connection, ResultSet rs, List<ValueCodec> codecs, String sql) {
            this.connection = connection;
            this.rs = rs;
            this.codecs = codecs;
            this.sql = sql;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new QueryException("The thread reading this stream was interrupted; it reads no more rows."
                            + " Close the stream to give its connection back [SQL: " + Errors.abbreviate(sql) + "]");
                }
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw Errors.statement(connection.dialect(), e, sql);
                }
            }
            return ready;
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return ValueCodec.readRow(rs, codecs);
            } catch (SQLException e) {
                throw Errors.statement(connection.dialect(), e, sql);
            }
        }
    }

    /** Where a stream was opened: the stack of the call to {@code stream()}. */
    private static final class Opened extends Throwable {
        private static final long serialVersionUID = 1L;

        Opened(String sql) {
            super("stream opened here [SQL: " + Errors.abbreviate(sql) + "]");
        }

        /** The first frame outside DataJoint's API, its engine and the JDK: the caller's line that opened the stream. */
        String caller() {
            for (StackTraceElement e : getStackTrace()) {
                String c = e.getClassName();
                String pkg = c.lastIndexOf('.') < 0 ? "" : c.substring(0, c.lastIndexOf('.'));
                if (!pkg.equals("org.datajoint") && !c.startsWith("org.datajoint.engine.") && !c.startsWith("java.")
                        && !c.startsWith("jdk.")) {
                    return e.toString();
                }
            }
            return "(unknown)";
        }
    }

    /** What a stream holds until it is closed: run once, by {@code close()} or by the cleaner. */
    private static final class Resources implements Runnable {
        private final ConnectionPool.Lease lease;
        private final PreparedStatement ps;
        private final boolean ownTransaction;
        private final ResultSet rs;
        private final Opened opened;
        private volatile boolean closedByCaller;

        Resources(ConnectionPool.Lease lease, PreparedStatement ps, ResultSet rs, boolean ownTransaction, Opened opened) {
            this.lease = lease;
            this.ps = ps;
            this.rs = rs;
            this.ownTransaction = ownTransaction;
            this.opened = opened;
        }

        @Override
        public void run() {
            if (closedByCaller) {
                close();
                return;
            }
            if (lease.inTransaction()) {
                LOG.warn("A stream was left open and became unreachable; it ends with its transaction, which holds"
                        + " its connection. Close each stream, with try-with-resources. It was opened at {}",
                        opened.caller(), opened);
                return;
            }
            LOG.warn("A stream was left open and became unreachable; closed it now and gave its connection back to"
                    + " the pool. Close each stream, with try-with-resources. It was opened at {}", opened.caller(), opened);
            try {
                close();
            } catch (DataJointException e) {
                LOG.warn("Closing a stream left open failed: {}", e.getMessage());
            }
        }

        void close() {
            boolean failed = false;
            try {
                rs.close();
                ps.close();
                if (ownTransaction) {
                    lease.jdbc().rollback();
                    lease.jdbc().setAutoCommit(true);
                }
            } catch (SQLException e) {
                failed = true;
                throw new DataJointException("Closing a row stream failed: " + e.getMessage(), e);
            } finally {
                lease.release(failed);
            }
        }
    }
}
