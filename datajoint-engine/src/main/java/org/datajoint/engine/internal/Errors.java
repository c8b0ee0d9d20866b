package org.datajoint.engine.internal;

import java.sql.SQLException;
import org.datajoint.AccessDeniedException;
import org.datajoint.ConnectionException;
import org.datajoint.ConnectionLostException;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.IntegrityException;
import org.datajoint.MissingTableException;
import org.datajoint.QueryException;
import org.datajoint.TransactionConflictException;
import org.datajoint.UnknownAttributeException;
import org.datajoint.engine.spi.Dialect;
import org.datajoint.engine.spi.ErrorKind;

/** Turns driver and pool failures into DataJoint's exceptions, the same type for the same failure on every backend. */
final class Errors {

    private Errors() {
    }

    /** The first {@link SQLException} in a cause chain, or {@code null}. */
    static SQLException findSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                SQLException deepest = s;
                for (Throwable d = s.getCause(); d != null; d = d.getCause()) {
                    if (d instanceof SQLException ds && ds.getSQLState() != null) {
                        deepest = ds;
                    }
                }
                return deepest.getSQLState() != null ? deepest : s;
            }
        }
        return null;
    }

    static ErrorKind classify(Dialect dialect, Throwable t) {
        SQLException s = findSqlException(t);
        return s == null ? ErrorKind.OTHER : dialect.classify(s);
    }

    /** A failure while opening a connection. */
    static DataJointException connect(Dialect dialect, Throwable t, String user, String host, int port) {
        String where = host + ":" + port;
        String cause = rootMessage(t);
        ErrorKind kind = classify(dialect, t);
        return switch (kind) {
            case AUTHENTICATION_FAILED, ACCESS_DENIED -> new AccessDeniedException("Access denied for user '" + user
                    + "' at " + where + " (" + dialect.name() + "): check database.user and database.password. "
                    + "Server said: " + cause, t);
            default -> new ConnectionException("Cannot connect to " + dialect.name() + " server at " + where
                    + ": " + cause + ". Check database.host and database.port, and that the server is running.", t);
        };
    }

    /** A failure of a statement; {@code sql} is shown, bound values never are. */
    static DataJointException statement(Dialect dialect, Throwable t, String sql) {
        SQLException s = findSqlException(t);
        String server = s != null ? s.getMessage() : rootMessage(t);
        String msg = server + " [SQL: " + abbreviate(sql) + "]";
        return switch (classify(dialect, t)) {
            case DUPLICATE_KEY -> new DuplicateKeyException(msg, t);
            case MISSING_PARENT, ROW_REFERENCED -> new IntegrityException(msg, t);
            case UNKNOWN_ATTRIBUTE -> new UnknownAttributeException(msg, t);
            case MISSING_TABLE -> new MissingTableException(msg, t);
            case AUTHENTICATION_FAILED, ACCESS_DENIED -> new AccessDeniedException(msg, t);
            case CONNECTION_LOST -> new ConnectionLostException("Lost the connection to the server: " + msg, t);
            case CONNECTION_FAILED -> new ConnectionException("Cannot connect to the server: " + msg, t);
            case TRANSIENT -> new TransactionConflictException("The statement conflicted with another transaction"
                    + " and was aborted; run the whole transaction again. Server said: " + msg, t);
            default -> new QueryException(msg, t);
        };
    }

    /**
     * Whether a statement failed because its connection is gone: the server's error says so, or
     * the driver has closed the connection (Connector/J reports a batch cut by a lost connection as
     * a closed statement).
     */
    static boolean lost(Dialect dialect, java.sql.Connection c, SQLException e) {
        if (dialect.classify(e) == ErrorKind.CONNECTION_LOST) {
            return true;
        }
        try {
            return c.unwrap(java.sql.Connection.class).isClosed();
        } catch (SQLException | RuntimeException unknown) {
            return true;
        }
    }

    /** A statement that failed because its connection is gone, whatever the driver's error says. */
    static DataJointException lost(Throwable t, String sql) {
        SQLException s = findSqlException(t);
        String server = s != null ? s.getMessage() : rootMessage(t);
        return new ConnectionLostException("Lost the connection to the server: " + server + " [SQL: " + abbreviate(sql)
                + "]", t);
    }

    static String rootMessage(Throwable t) {
        SQLException s = findSqlException(t);
        if (s != null && s.getMessage() != null) {
            return s.getMessage();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 1000 ? oneLine : oneLine.substring(0, 1000) + "...";
    }
}
