package org.datajoint;

/**
 * An open connection to the server was lost (killed, timed out, network failure) at a point where
 * DataJoint could not transparently reconnect, for example inside a transaction.
 *
 * <p>Corresponds to DataJoint for Python's {@code LostConnectionError}.
 */
public class ConnectionLostException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
