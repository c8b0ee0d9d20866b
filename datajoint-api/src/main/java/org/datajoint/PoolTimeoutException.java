package org.datajoint;

/**
 * No connection of the instance's pool came free in time: every one of its
 * {@code connection.max_pool_size} connections stayed in use (by open streams, transactions or
 * other threads) for the whole {@code connection.connect_timeout}. The message names the pool size
 * and what was in use. Nothing was sent to the server.
 */
public class PoolTimeoutException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public PoolTimeoutException(String message) {
        super(message);
    }

    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
