package org.datajoint.engine.internal;

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

/**
 * A lazy stream of rows over a server-side cursor. It owns a pooled connection (or uses the
 * caller's transaction) until closed.
 */
final class RowStream {

    private RowStream() {
    }

    static Stream<Map<String, Object>> open(ConnectionImpl connection, QueryImpl.Statement statement) {
        String sql = statement.sql();
        List<ValueCodec> codecs = statement.codecs();
        ConnectionImpl.Lease lease = connection.lease();
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
            ResultSet rs = ps.executeQuery();
            Iterator<Map<String, Object>> rows = new Iterator<>() {
                private Boolean ready;

                @Override
                public boolean hasNext() {
                    if (ready == null) {
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
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                    false).onClose(() -> close(lease, ps, rs, ownTransaction));
        } catch (SQLException e) {
            lease.release(true);
            throw Errors.statement(connection.dialect(), e, sql);
        } catch (RuntimeException e) {
            lease.release(true);
            throw e;
        }
    }

    private static void close(ConnectionImpl.Lease lease, PreparedStatement ps, ResultSet rs, boolean ownTransaction) {
        boolean broken = false;
        try {
            rs.close();
            ps.close();
            if (ownTransaction) {
                lease.jdbc().rollback();
                lease.jdbc().setAutoCommit(true);
            }
        } catch (SQLException e) {
            broken = true;
            throw new DataJointException("Closing a row stream failed: " + e.getMessage(), e);
        } finally {
            lease.release(broken);
        }
    }
}
