package org.datajoint;

/**
 * Thrown when global state ({@link DataJoint#config()}, {@link DataJoint#conn()}, {@link DataJoint#schema(String)},
 * {@link DataJoint#freeTable(String)}) is used while thread-safe mode is on ({@code DJ_THREAD_SAFE=true}
 * when the JVM started). Use an {@link Instance} instead.
 *
 * <p>Corresponds to DataJoint for Python's {@code ThreadSafetyError}.
 */
public class ThreadSafetyException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public ThreadSafetyException(String message) {
        super(message);
    }

    public ThreadSafetyException(String message, Throwable cause) {
        super(message, cause);
    }
}
