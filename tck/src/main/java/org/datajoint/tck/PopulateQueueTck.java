package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** The jobs queue of an auto-populated table: restrictions, priorities, kept jobs, clean-up and recorded details. */
public interface PopulateQueueTck extends TckTarget {

    private static Table sessionStats(Lab lab, List<String> made) {
        return lab.schema.computed("SessionStats", "-> Session\n---\nn_trials : int64\n", ctx -> {
            made.add(ctx.key().get("subject_id") + "/" + ctx.key().get("session_id"));
            ctx.insert1(ctx.key().with("n_trials", lab.trial.restrict(ctx.key()).count()));
        });
    }

    private static PopulateOptions reserved() {
        return PopulateOptions.defaults().reserveJobs(true);
    }

    @Test
    default void queuedPopulateRestrictionsMatchJobsByTheirKeyOnly(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        Table pick = lab.schema.manual("Pick", """
                -> Subject
                ---
                priority : int32
                status : varchar(16)
                duration : float64
                """);
        pick.insert1(Map.of("subject_id", 3, "priority", 99, "status", "chosen", "duration", 7.5));
        PopulateResult r = stats.populate(reserved(), pick);
        assertEquals(3, r.success(), "the restriction's own priority, status and duration are no job columns");
        assertEquals(3, stats.restrict(Map.of("subject_id", 3)).count());
        assertEquals(3, stats.count());
    }

    @Test
    default void queuedPopulateRefreshesAtItsPriorityAndRunsMostUrgentFirst(TckContext tck) {
        Lab lab = new Lab(tck);
        List<String> made = Collections.synchronizedList(new ArrayList<>());
        Table stats = sessionStats(lab, made);
        assertEquals(2, stats.populate(reserved().priority(2), Map.of("subject_id", 1)).success(),
                "new jobs are queued at the priority asked for");
        assertEquals(2L, stats.restrict(Map.of("subject_id", 1)).count());
        stats.deleteQuick();
        stats.jobs().table().deleteQuick();
        made.clear();
        stats.jobs().refresh(Duration.ZERO, 4, null, Map.of("subject_id", 1));
        stats.jobs().refresh(Duration.ZERO, 1, null, Map.of("subject_id", 3));
        stats.jobs().refresh(Duration.ZERO, 8, null);
        PopulateResult r = stats.populate(reserved().refresh(false).priority(4));
        assertEquals(5, r.success());
        assertEquals(List.of("3/1", "3/2", "3/3", "1/1", "1/2"), made, "most urgent first, then by key");
        assertEquals(1L, stats.jobs().pending().count(), "the priority-8 job waits");
        assertEquals(1, stats.populate(reserved().refresh(false)).success());
    }

    @Test
    default void keptCompletedJobsArePendedAgainWhenTheirRowIsDeleted(TckContext tck) {
        Lab lab = new Lab(tck);
        lab.instance.config().set("jobs.keep_completed", true);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        assertEquals(6, stats.populate(reserved()).success());
        assertEquals(6L, stats.jobs().completed().count());
        stats.restrict(Map.of("subject_id", 1)).deleteQuick();
        Map<String, Long> refreshed = stats.jobs().refresh();
        assertEquals(2L, refreshed.get("re_pended"), refreshed.toString());
        assertEquals(0L, refreshed.get("added"), refreshed.toString());
        assertEquals(2L, stats.jobs().pending().count());
        assertEquals(0L, stats.jobs().refresh().get("re_pended"), "nothing more to pend again");
        assertEquals(2, stats.populate(reserved()).success());
        assertEquals(6L, stats.jobs().completed().count());
        assertEquals(6, stats.count());
    }

    @Test
    default void refreshReportsOrphanedReservationsAndStaleJobs(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        assertEquals(6L, stats.jobs().refresh().get("added"));
        Table queue = stats.jobs().table();
        LocalDateTime longAgo = LocalDateTime.now().minusDays(3);
        queue.update1(Map.of("subject_id", 1, "session_id", (short) 1, "status", "reserved", "reserved_time", longAgo));
        queue.update1(Map.of("subject_id", 1, "session_id", (short) 2, "status", "reserved",
                "reserved_time", LocalDateTime.now().plusDays(3)));
        queue.update1(Map.of("subject_id", 2, "session_id", (short) 1, "created_time", longAgo));
        lab.session.restrict(Map.of("subject_id", 2, "session_id", (short) 1)).deleteQuick();
        Map<String, Long> refreshed = stats.jobs().refresh(Duration.ZERO, null, Duration.ofHours(1));
        assertEquals(1L, refreshed.get("orphaned"), refreshed.toString());
        assertEquals(1L, refreshed.get("removed"), "the old job whose session is gone: " + refreshed);
        assertEquals(0L, refreshed.get("added"), refreshed.toString());
        assertEquals(1L, stats.jobs().reserved().count(), "the recent reservation stays");
        assertEquals(4L, stats.jobs().pending().count());
    }

    @Test
    default void refreshesRacingEachOtherQueueEveryKeyOnce(TckContext tck) throws Exception {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        Table queue = stats.jobs().table();
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                queue.deleteQuick();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                List<java.util.concurrent.Future<Long>> added = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    added.add(pool.submit(() -> {
                        start.await();
                        return stats.jobs().refresh().get("added");
                    }));
                }
                long sum = 0;
                for (java.util.concurrent.Future<Long> f : added) {
                    sum += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertEquals(6L, sum, "round " + round + ": each key added by exactly one refresh");
                assertEquals(6L, stats.jobs().pending().count(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Another transaction holds the row of a pending job longer than the populating session waits
     * for a lock: the reservation times out once, is tried again when the lock is free, and every
     * job is done.
     */
    @Test
    default void aReservationThatTimedOutOnAnotherTransactionsLockIsTriedAgain(TckContext tck) throws Exception {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        stats.jobs().refresh();
        org.datajoint.Instance worker = tck.track(tck.builder().set("connection.max_pool_size", 1).build());
        worker.connection().execute(lockTimeoutSql(1));
        Table workerStats = worker.schema(lab.schema.name()).computed("SessionStats", "-> Session\n---\nn_trials : int64\n",
                ctx -> ctx.insert1(ctx.key().with("n_trials", 0L)));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService holder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Object> held = holder.submit(() -> lab.instance.connection().transaction(c -> {
                c.query("SELECT status FROM " + stats.jobs().table().fullTableName()
                        + " WHERE subject_id = 1 AND session_id = 1 FOR UPDATE");
                locked.countDown();
                Thread.sleep(1_500);
                return null;
            }));
            assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS), "the job row is locked");
            PopulateResult r = workerStats.populate(reserved());
            held.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(6, r.success(), "every job, the locked one after its lock was released");
            assertEquals(6, stats.count());
            assertEquals(0, stats.jobs().pending().count() + stats.jobs().reserved().count());
        } finally {
            holder.shutdownNow();
        }
    }

    @Test
    default void ignoringAKeyNotYetQueuedKeepsItOutOfRefreshAndPopulate(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab, Collections.synchronizedList(new ArrayList<>()));
        stats.jobs().ignore(Map.of("subject_id", 3, "session_id", (short) 2));
        Map<String, Object> job = stats.jobs().ignored().fetch1();
        assertNotNull(job.get("created_time"), job.toString());
        assertNotNull(job.get("scheduled_time"), job.toString());
        assertEquals(5L, stats.jobs().refresh().get("added"), "the ignored key is not queued again");
        assertEquals(5, stats.populate(reserved()).success());
        assertFalse(stats.restrict(Map.of("subject_id", 3, "session_id", (short) 2)).exists());
        assertEquals(1L, stats.jobs().ignored().count());
        assertEquals(0, stats.populate(reserved()).success());
    }

    @Test
    default void failedJobsRecordTheUsersExceptionWithItsRootCauseAndTheServerSession(TckContext tck) {
        Lab lab = new Lab(tck);
        Table failing = lab.schema.computed("Failing", "-> Subject\n---\nx : int32\n", ctx -> {
            int id = ((Number) ctx.key().get("subject_id")).intValue();
            if (id == 1) {
                throw new java.io.IOException("disk gone");
            }
            if (id == 2) {
                throw new IllegalStateException();
            }
            if (id == 3) {
                throw new IllegalStateException("outer", deepCause(400));
            }
            ctx.insert1(ctx.key().with("x", id));
        });
        PopulateResult r = failing.populate(reserved().suppressErrors(true));
        assertEquals(1, r.success());
        assertEquals(3, r.error());
        PopulateResult.Failure io = r.errors().stream().filter(f -> f.key().get("subject_id").equals(1)).findFirst()
                .orElseThrow();
        assertTrue(io.exception() instanceof java.io.IOException, String.valueOf(io.exception()));
        assertEquals("IOException: disk gone", io.message());
        Map<Object, Map<String, Object>> jobs = new java.util.HashMap<>();
        failing.jobs().errors().toDicts().forEach(j -> jobs.put(((Number) j.get("subject_id")).intValue(), j));
        assertEquals("IOException: disk gone", jobs.get(1).get("error_message"));
        assertEquals("IllegalStateException", jobs.get(2).get("error_message"));
        String stack = (String) jobs.get(3).get("error_stack");
        assertTrue(stack.startsWith("java.lang.IllegalStateException: outer"), stack);
        assertTrue(stack.contains("the root cause"), "the root cause is kept: " + stack);
        Object user = lab.instance.connection().query("SELECT CURRENT_USER AS u").get(0).values().iterator().next();
        for (Map<String, Object> j : jobs.values()) {
            assertNotEquals(0L, ((Number) j.get("connection_id")).longValue(), j.toString());
            assertEquals(String.valueOf(user), j.get("user"), "the server's current user");
            assertEquals(ProcessHandle.current().pid(), ((Number) j.get("pid")).longValue());
            assertNotNull(j.get("created_time"));
        }
    }

    private static RuntimeException deepCause(int depth) {
        return depth == 0 ? new IllegalArgumentException("the root cause") : deepCause(depth - 1);
    }
}
