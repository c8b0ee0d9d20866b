package org.datajoint;

/**
 * Root of every exception DataJoint throws. Unchecked, like JDBI's and r2dbc's roots: catch this
 * to handle any DataJoint failure, or one of its intention-named subclasses to handle one kind.
 *
 * <p>Corresponds to DataJoint for Python's {@code DataJointError}.
 */
public class DataJointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataJointException(String message) {
        super(message);
    }

    public DataJointException(String message, Throwable cause) {
        super(message, cause);
    }
}
