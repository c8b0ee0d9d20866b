package org.datajoint;

/**
 * The server aborted a statement because it conflicted with another transaction: a deadlock, a
 * serialization failure, or a lock wait that timed out. The work lost a race rather than being
 * wrong, so running the whole transaction again may succeed. Rerun the transaction, not just the
 * statement: a deadlock or serialization failure rolls back the server's transaction, and
 * {@link Connection#transaction} rolls back the rest when this exception leaves it.
 *
 * <p>DataJoint for Python raises a plain {@code QueryError} here.
 */
public class TransactionConflictException extends QueryException {
    private static final long serialVersionUID = 1L;

    public TransactionConflictException(String message) {
        super(message);
    }

    public TransactionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
