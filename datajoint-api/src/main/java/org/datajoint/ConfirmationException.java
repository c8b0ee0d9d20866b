package org.datajoint;

/**
 * A destructive operation needs confirmation (safemode is on) and none could be obtained, for
 * example because there is no console. The message says how to confirm or to turn safemode off.
 *
 * <p>Corresponds to DataJoint for Python's {@code DataJointError}.
 */
public class ConfirmationException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public ConfirmationException(String message) {
        super(message);
    }

    public ConfirmationException(String message, Throwable cause) {
        super(message, cause);
    }
}
