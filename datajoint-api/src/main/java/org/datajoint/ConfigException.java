package org.datajoint;

/**
 * A configuration key that does not exist, a value of the wrong type or out of range, or a
 * connection setting changed after the instance's pool opened. The message names the key.
 *
 * <p>Corresponds to DataJoint for Python's {@code DataJointError}.
 */
public class ConfigException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
