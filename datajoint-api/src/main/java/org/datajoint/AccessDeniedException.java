package org.datajoint;

/**
 * The server refused the credentials or the privilege needed for an operation. The message names
 * the user and, where known, the object.
 *
 * <p>Corresponds to DataJoint for Python's {@code AccessError}.
 */
public class AccessDeniedException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
