package org.datajoint;

/**
 * A statement names an attribute (column) the table or query does not have.
 *
 * <p>Corresponds to DataJoint for Python's {@code UnknownAttributeError}.
 */
public class UnknownAttributeException extends QueryException {
    private static final long serialVersionUID = 1L;

    public UnknownAttributeException(String message) {
        super(message);
    }

    public UnknownAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
