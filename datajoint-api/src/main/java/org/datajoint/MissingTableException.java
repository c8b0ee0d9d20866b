package org.datajoint;

/**
 * A statement names a table (or schema) that does not exist on the server.
 *
 * <p>Corresponds to DataJoint for Python's {@code MissingTableError}.
 */
public class MissingTableException extends QueryException {
    private static final long serialVersionUID = 1L;

    public MissingTableException(String message) {
        super(message);
    }

    public MissingTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
