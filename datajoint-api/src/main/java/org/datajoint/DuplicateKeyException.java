package org.datajoint;

/**
 * An insert or update would create a second row with the same primary key or unique index value.
 *
 * <p>Corresponds to DataJoint for Python's {@code DuplicateError}.
 */
public class DuplicateKeyException extends QueryException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message) {
        super(message);
    }

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
