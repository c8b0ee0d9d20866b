package org.datajoint.engine.internal;

import org.datajoint.TransactionConflictException;

/**
 * A thread's transaction: its connection, whether it is an own transaction (nested writes join it
 * without savepoints), what aborted it, and whether a statement of it was cancelled.
 */
final class OpenTransaction {

    private final java.sql.Connection jdbc;
    private final boolean owned;
    /** The failure after which the server had rolled the whole transaction back, if any. */
    private Throwable aborted;
    private boolean cancelled;

    OpenTransaction(java.sql.Connection jdbc, boolean owned) {
        this.jdbc = jdbc;
        this.owned = owned;
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }

    boolean owned() {
        return owned;
    }

    /** Records the first failure after which the server had rolled the whole transaction back. */
    void abortedBy(Throwable failure) {
        if (aborted == null) {
            aborted = failure;
        }
    }

    /** Records that a statement of it ended normally although it was cancelled, the thread being interrupted. */
    void cancelled() {
        cancelled = true;
    }

    /**
     * Whether a statement ended normally although it was cancelled: then the connection is closed
     * rather than pooled, in case the cancel reached the server only after the statement had ended.
     */
    boolean wasCancelled() {
        return cancelled;
    }

    /**
     * Refuses to go on with a transaction the server has already rolled back: MySQL ends the whole
     * transaction on a deadlock, so the savepoint of the nested work that met it is gone, and
     * committing the rest would keep only what came after.
     */
    void checkNotAborted() {
        if (aborted != null) {
            throw new TransactionConflictException("The server rolled this transaction back when work nested in"
                    + " it failed (" + Errors.rootMessage(aborted) + "); nothing of it is committed. Run the"
                    + " whole transaction again.", aborted);
        }
    }
}
