package org.datajoint;

/**
 * No connection to the server could be opened: the host is unreachable, refused the connection,
 * or did not answer within the connect timeout. The message names host and port.
 *
 * <p>Corresponds to DataJoint for Python's {@code LostConnectionError}.
 */
public class ConnectionException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
