package org.datajoint;

/**
 * No dialect on the class path serves the requested backend, or more than one does and none was
 * chosen. The message names the backend, the dialects available and the artifact to add.
 *
 * <p>Corresponds to DataJoint for Python's {@code DataJointError}.
 */
public class DialectNotFoundException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public DialectNotFoundException(String message) {
        super(message);
    }

    public DialectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
