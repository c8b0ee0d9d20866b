package org.datajoint;

/**
 * The server rejected a statement. The message carries the server's message and the SQL text;
 * bound values are never included.
 *
 * <p>Corresponds to DataJoint for Python's {@code QueryError}.
 */
public class QueryException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
