package org.datajoint;

import java.time.Duration;
import java.util.Map;

/**
 * The jobs queue of an auto-populated table ({@code ~~table}): one row per key with its status
 * ({@code pending}, {@code reserved}, {@code success}, {@code error}, {@code ignore}), priority,
 * times, error message and stack trace. It is a table: query it with the usual algebra.
 */
public interface Jobs {

    /** The queue as a table (declared on first use). */
    Table table();

    /** Jobs waiting for a worker. */
    default QueryExpression pending() {
        return table().restrict("status = 'pending'");
    }

    /** Jobs being computed. */
    default QueryExpression reserved() {
        return table().restrict("status = 'reserved'");
    }

    /** Jobs whose make failed. */
    default QueryExpression errors() {
        return table().restrict("status = 'error'");
    }

    /** Jobs to skip. */
    default QueryExpression ignored() {
        return table().restrict("status = 'ignore'");
    }

    /** Jobs completed, kept when {@code jobs.keep_completed} is on. */
    default QueryExpression completed() {
        return table().restrict("status = 'success'");
    }

    /**
     * Adds every key of the key source (restricted) that is neither computed nor queued as a
     * pending job, in one {@code INSERT ... SELECT}; with {@code jobs.keep_completed}, makes
     * completed jobs pending again when their key is still in the key source but its row was
     * deleted; removes stale jobs whose keys left the key source; re-queues reservations older
     * than {@code orphanTimeout} (null: none). New and re-pended jobs get {@code priority}
     * (null: {@code jobs.default_priority}).
     *
     * @return counts by {@code added}, {@code re_pended}, {@code removed}, {@code orphaned}
     */
    Map<String, Long> refresh(Duration delay, Integer priority, Duration orphanTimeout, Object... restrictions);

    /** {@link #refresh(Duration, Integer, Duration, Object...)} with defaults. */
    default Map<String, Long> refresh(Object... restrictions) {
        return refresh(Duration.ZERO, null, null, restrictions);
    }

    /** Marks a key to be skipped by populate, queued or not. */
    void ignore(Map<String, ?> key);

    /** Counts of jobs by status, and {@code total}. */
    Map<String, Long> progress();
}
