package org.datajoint;

/**
 * A foreign-key constraint was violated: a row references a parent that does not exist, or a
 * delete or update would orphan a child row.
 *
 * <p>Corresponds to DataJoint for Python's {@code IntegrityError}.
 */
public class IntegrityException extends QueryException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
