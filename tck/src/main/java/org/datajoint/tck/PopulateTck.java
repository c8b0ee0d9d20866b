package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DataJoint;
import org.datajoint.DataJointException;
import org.datajoint.Instance;
import org.datajoint.Make;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Progress;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** AutoPopulate: key sources, make in transactions, the jobs queue, workers and processes. */
public interface PopulateTck extends TckTarget {

    private static Table sessionStats(Lab lab) {
        return lab.schema.computed("SessionStats", "-> Session\n---\nn_trials : int64\n", ctx -> ctx.insert1(
                ctx.key().with("n_trials", lab.trial.restrict(ctx.key()).count())));
    }

    @Test
    default void pendingKeysAreTheKeySourceMinusTheTable(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab);
        assertEquals(List.of("subject_id", "session_id"), stats.keySource().heading().names());
        assertEquals(new Progress(6, 6), stats.progress());
        PopulateResult first = stats.populate(Map.of("subject_id", 1));
        assertEquals(2, first.success());
        assertEquals(new Progress(4, 6), stats.progress());
        assertEquals(new Progress(0, 2), stats.progress(Map.of("subject_id", 1)));
        assertEquals(4, stats.populate().success());
        assertEquals(0, stats.populate().success(), "nothing left");
        for (int[] t : Lab.TRIALS) {
            assertEquals((long) t[2], stats.restrict(Map.of("subject_id", t[0], "session_id", t[1])).fetch1()
                    .get("n_trials"));
        }
        Table custom = lab.schema.computed("TrialStats", "-> Session\n---\nhits : int64\n", ctx -> ctx.insert1(
                ctx.key().with("hits", lab.trial.restrict(ctx.key()).restrict("outcome = 'hit'").count())))
                .withKeySource(lab.session.restrict(lab.trial));
        assertEquals(new Progress(5, 5), custom.progress(), "a custom key source: sessions with trials");
        assertEquals(2, custom.populate(PopulateOptions.defaults().maxCalls(2)).success());
        assertEquals(3, custom.progress().remaining());
        assertThrows(DataJointException.class, () -> lab.schema.computed("Nothing", "-> Session\n---\nx : int32\n")
                .populate(), "no make registered");
    }

    @Test
    default void aFailedMakeRollsBackItsInsertsAndIsRecorded(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = lab.schema.computed("Outcomes", "-> Session\n---\nn : int64\n", ctx -> {
            ctx.insert1(ctx.key().with("n", 1L));
            ctx.part("Hit").insert1(ctx.key().with("k", 1));
            if (ctx.key().get("subject_id").equals(3)) {
                ctx.part("Hit").insert1(ctx.key().with("k", 1));
            }
        });
        stats.part("Hit", "-> master\nk : int32\n");
        Table hit = lab.schema.table("Outcomes.Hit");
        assertThrows(org.datajoint.DuplicateKeyException.class,
                () -> stats.populate(PopulateOptions.defaults().order(PopulateOptions.Order.REVERSE)), "the make's own failure");
        assertEquals(0, stats.restrict(Map.of("subject_id", 3)).count(), "master row rolled back with its parts");
        assertEquals(0, hit.restrict(Map.of("subject_id", 3)).count());
        assertEquals(0, stats.count(), "stops at the first error: (3, 3), first in reverse order");
        PopulateResult r = stats.populate(PopulateOptions.defaults().suppressErrors(true).reserveJobs(true));
        assertEquals(3, r.error(), "each session of subject 3 fails");
        assertEquals(3, r.errors().size());
        assertEquals(3, stats.count());
        assertEquals(stats.count(), hit.count(), "master and parts committed together");
        List<Map<String, Object>> errors = stats.jobs().errors().toDicts();
        assertEquals(3, errors.size());
        assertTrue(errors.get(0).get("error_message").toString().contains("DuplicateKey"), errors.toString());
        assertTrue(errors.get(0).get("error_stack").toString().contains("at "), errors.toString());
        assertEquals(3L, stats.jobs().progress().get("error"));
        assertEquals(0, stats.populate(PopulateOptions.defaults().reserveJobs(true)).error(), "errored jobs are not retried");
    }

    @Test
    default void threePhaseMakeNoticesInputsThatChanged(TckContext tck) {
        Lab lab = new Lab(tck);
        AtomicInteger computeCalls = new AtomicInteger();
        try (Instance other = tck.builder().build()) {
            Table otherSubject = other.schema(lab.schema.name()).table("Subject");
            Table copy = lab.schema.computed("SpeciesCopy", "-> Subject\n---\nkind : varchar(32)\n", Make.threePhase(
                    ctx -> lab.subject.restrict(ctx.key()).fetch1("species"),
                    (key, inputs) -> {
                        computeCalls.incrementAndGet();
                        if (key.get("subject_id").equals(2)) {
                            otherSubject.update1(Map.of("subject_id", 2, "species", "hamster"));
                        }
                        return inputs.get("species");
                    },
                    (ctx, kind) -> ctx.insert1(ctx.key().with("kind", kind))));
            PopulateResult r = copy.populate(PopulateOptions.defaults().suppressErrors(true));
            assertEquals(3, r.success());
            assertEquals(1, r.error());
            assertTrue(r.errors().get(0).message().contains("changed"), r.errors().get(0).message());
            assertEquals(List.of(1, 3, 4), ids(copy, "subject_id"), "nothing inserted for the changed key");
            assertEquals(1, copy.populate().success(), "computed again from the new inputs");
            assertEquals("hamster", copy.restrict(Map.of("subject_id", 2)).fetch1().get("kind"));
            assertEquals(5, computeCalls.get());
        }
    }

    @Test
    default void jobsQueueRefreshPriorityIgnoreAndMetadata(TckContext tck) {
        Lab lab = new Lab(tck);
        lab.instance.config().set("jobs.add_job_metadata", true);
        Table stats = sessionStats(lab);
        Map<String, Long> refreshed = stats.jobs().refresh(Duration.ZERO, 3, null, Map.of("subject_id", 3));
        assertEquals(3L, refreshed.get("added"));
        assertEquals(0L, stats.jobs().refresh(Map.of("subject_id", 3)).get("added"), "already queued");
        stats.jobs().refresh(Duration.ofHours(1), 1, null);
        assertEquals(6L, stats.jobs().progress().get("pending"));
        stats.jobs().ignore(Map.of("subject_id", 3, "session_id", (short) 3));
        PopulateResult r = stats.populate(PopulateOptions.defaults().reserveJobs(true).refresh(false));
        assertEquals(2, r.success(), "only due jobs; the ignored one and the delayed ones wait");
        assertEquals(List.of(1, 2), ids(stats, "session_id"));
        assertEquals(Map.of("pending", 3L, "reserved", 0L, "success", 0L, "error", 0L, "ignore", 1L, "total", 4L),
                stats.jobs().progress());
        assertEquals(List.of("subject_id", "session_id", "n_trials"), stats.heading().names(), "metadata stays hidden");
        List<Map<String, Object>> meta = lab.instance.connection().query("SELECT _job_duration FROM "
                + stats.fullTableName());
        assertEquals(2, meta.size());
        meta.forEach(m -> assertTrue(m.values().iterator().next() != null, meta.toString()));
        assertEquals(2, stats.restrict("_job_duration >= 0").count(), "hidden attributes can be restricted by name");
    }

    @Test
    default void aCustomKeySourceIsCutDownToItsPrimaryKey(TckContext tck) {
        Lab lab = new Lab(tck);
        Table redated = lab.schema.computed("Redated", "-> Session\n---\nsession_date : date\n", ctx -> ctx.insert1(
                ctx.key().with("session_date", LocalDate.of(2000, 1, 1)))).withKeySource(lab.session);
        assertEquals(List.of("subject_id", "session_id"), redated.keySource().heading().names());
        assertEquals(new Progress(6, 6), redated.progress());
        assertEquals(6, redated.populate().success());
        assertEquals(new Progress(0, 6), redated.progress(), "a shared secondary attribute does not keep keys pending");
        assertEquals(0, redated.populate().success(), "nothing is made twice");
        assertEquals(0L, redated.jobs().refresh().get("added"));
        assertEquals(0, redated.populate(PopulateOptions.defaults().reserveJobs(true)).success());
        Table dated = lab.schema.computed("Dated", "-> Session\n---\nday : date\n", ctx -> ctx.insert1(
                ctx.key().with("day", LocalDate.of(2000, 1, 1)))).withKeySource(lab.session);
        assertEquals(2, dated.populate("notes IS NULL AND subject_id = 3").success(),
                "restrictions apply to the key source before it is cut down to its key");
    }

    @Test
    default void populateRefusesARestrictedTableAndAnOpenTransaction(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab);
        DataJointException restricted = assertThrows(DataJointException.class,
                () -> stats.restrict(Map.of("subject_id", 1)).populate());
        assertTrue(restricted.getMessage().contains("restricted") && restricted.getMessage().contains("populate("),
                restricted.getMessage());
        assertEquals(0, stats.count());
        lab.instance.connection().transaction(tx -> {
            DataJointException open = assertThrows(DataJointException.class, stats::populate);
            assertTrue(open.getMessage().contains("transaction"), open.getMessage());
            return null;
        });
        assertEquals(0, stats.count());
        assertEquals(2, stats.populate(Map.of("subject_id", 1)).success());
    }

    @Test
    default void populateCountsSkipsAndRunsInReverseOrder(TckContext tck) {
        Lab lab = new Lab(tck);
        for (boolean reserve : List.of(false, true)) {
            List<String> made = Collections.synchronizedList(new ArrayList<>());
            Table ahead = lab.schema.computed(reserve ? "AheadQueued" : "Ahead", "-> Session\n---\nn : int64\n", ctx -> {
                made.add(ctx.key().get("subject_id") + "/" + ctx.key().get("session_id"));
                ctx.insert1(ctx.key().with("n", 1L));
                if (ctx.key().get("subject_id").equals(3) && ((Number) ctx.key().get("session_id")).intValue() == 3) {
                    ctx.insert1(Map.of("subject_id", 3, "session_id", (short) 2, "n", 2L));
                }
            });
            PopulateResult r = ahead.populate(PopulateOptions.defaults().reserveJobs(reserve)
                    .order(PopulateOptions.Order.REVERSE));
            assertEquals(5, r.success());
            assertEquals(1, r.skip(), "(3,2) was made along with (3,3)");
            assertEquals(6, ahead.count());
            assertEquals(List.of("3/3", "3/1", "2/1", "1/2", "1/1"), made.stream().filter(m -> !m.equals("3/2")).toList());
            assertEquals(2L, ahead.restrict(Map.of("subject_id", 3, "session_id", (short) 2)).fetch1().get("n"));
            if (reserve) {
                assertEquals(0, ahead.jobs().table().count(), "the skipped key's job is cleared too");
            }
        }
    }

    @Test
    default void populateDisplaysProgressAsLogLinesWhenNotOnATerminal(TckContext tck) {
        Lab lab = new Lab(tck);
        Table stats = sessionStats(lab);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(4, stats.populate(PopulateOptions.defaults().display(true).maxCalls(4)).success());
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("SessionStats: 4/4 (100%)"), "the total counts the calls allowed: " + out);
        assertFalse(out.contains("/6"), out);
    }

    @Test
    default void anImportedTablePopulatesLikeAComputedOne(TckContext tck) {
        Lab lab = new Lab(tck);
        Table files = lab.schema.imported("SubjectFile", "-> Subject\n---\npath : varchar(64)\n", ctx -> ctx.insert1(
                ctx.key().with("path", "/data/" + ctx.key().get("subject_id"))));
        assertEquals(new Progress(4, 4), files.progress());
        assertEquals(4, files.populate(PopulateOptions.defaults().reserveJobs(true)).success());
        assertEquals("/data/3", files.restrict(Map.of("subject_id", 3)).fetch1().get("path"));
        assertEquals(new Progress(0, 4), files.progress());
        assertEquals("~~subject_file", files.jobs().table().tableName());
    }

    @Test
    default void moreWorkersThanPooledConnectionsAllRun(TckContext tck) {
        try (Instance small = tck.builder().set("connection.max_pool_size", 2).set("connection.connect_timeout", 1)
                .build()) {
            Schema s = small.schema(tck.schemaName("pool"));
            Table source = numberedSource(s, 6);
            Table result = s.computed("Result", PopulateProbe.RESULT, ctx -> {
                ctx.insert1(ctx.key().with("value", 1L));
                Thread.sleep(1500);
            });
            for (boolean reserve : List.of(false, true)) {
                result.deleteQuick();
                PopulateResult r = result.populate(PopulateOptions.defaults().workers(6).reserveJobs(reserve));
                assertEquals(6, r.success(), "reserve " + reserve + ": " + r.errors());
                assertEquals(6, result.count());
            }
        }
    }

    @Test
    default void workersInOneJvmComputeEachKeyOnce(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("workers"));
        Table source = numberedSource(s, 40);
        Map<Object, AtomicInteger> calls = new ConcurrentHashMap<>();
        Table result = s.computed("Result", PopulateProbe.RESULT, ctx -> {
            calls.computeIfAbsent(ctx.key().get("id"), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(5);
            ctx.insert1(ctx.key().with("value", 1L));
        });
        for (boolean reserve : List.of(false, true)) {
            result.deleteQuick();
            calls.clear();
            PopulateResult r = result.populate(PopulateOptions.defaults().workers(4).reserveJobs(reserve)
                    .order(PopulateOptions.Order.RANDOM).display(true));
            assertEquals(40, r.success());
            assertEquals(40, result.count());
            assertEquals(40, calls.size());
            calls.values().forEach(c -> assertEquals(1, c.get(), "each key computed once"));
        }
    }

    @Test
    default void threeProcessesComputeEveryKeyOnceAndAKilledWorkersReservationIsReclaimed(TckContext tck)
            throws Exception {
        Instance inst = tck.instance();
        String name = tck.schemaName("procs");
        Schema s = inst.schema(name);
        Table source = s.manual("Source", "id : int32\n");
        Table calls = s.manual("CallLog", "id : int32\ncall_id : uuid\n---\npid : int64\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(Map.of("id", i));
        }
        source.insert(rows);
        Table ready = s.manual("Ready", "pid : int64\n");
        Table result = s.computed("Result", PopulateProbe.RESULT);
        result.jobs().table();
        List<Process> workers = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<String>> outputs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Process p = Tck.startJvm(tck, List.of(), PopulateProbe.class, List.of(name, "7", "-1", "3"), Map.of());
            workers.add(p);
            outputs.add(output(p));
        }
        long made = 0;
        long failed = 0;
        for (int w = 0; w < workers.size(); w++) {
            Process p = workers.get(w);
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                workers.forEach(Process::destroyForcibly);
                throw new AssertionError("a worker did not finish in 240 s (deadlock?): "
                        + outputs.get(w).getNow("(no output yet)"));
            }
            String out = outputs.get(w).get(60, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue(), out);
            Matcher m = Pattern.compile("populated (\\d+) ok, (\\d+) failed").matcher(out);
            assertTrue(m.find(), out);
            made += Long.parseLong(m.group(1));
            failed += Long.parseLong(m.group(2));
        }
        assertEquals(3, ready.count(), "all three workers started");
        assertEquals(59, made, "the workers' own success counts add up");
        assertEquals(1, failed);
        assertEquals(59, result.count(), "every key but the failing one");
        List<Map<String, Object>> perKey = DataJoint.U("id").aggr(calls, Map.of("n", "count(*)")).toDicts();
        assertEquals(60, perKey.size(), "no key lost");
        perKey.forEach(k -> assertEquals(1L, k.get("n"), "make called once for " + k));
        assertTrue(DataJoint.U("pid").restrict(calls).count() >= 2, "the work was shared between processes");
        assertEquals(List.of(7), ids(result.jobs().errors(), "id"));
        assertEquals(0, result.jobs().pending().count() + result.jobs().reserved().count());

        result.deleteQuick();
        calls.deleteQuick();
        Process hung = Tck.startJvm(tck, List.of(), PopulateProbe.class, List.of(name, "-1", "3", "1"), Map.of());
        output(hung);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (result.jobs().reserved().restrict(Map.of("id", 3)).count() == 0) {
            assertTrue(System.nanoTime() < deadline, "the worker never reserved key 3");
            Thread.sleep(100);
        }
        hung.destroyForcibly();
        assertTrue(hung.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, result.jobs().reserved().count(), "the killed worker's reservation is left behind");
        Table mine = s.computed("Result", PopulateProbe.RESULT, ctx -> ctx.insert1(ctx.key().with("value", 0L)));
        mine.populate(PopulateOptions.defaults().reserveJobs(true).orphanTimeout(Duration.ZERO)
                .suppressErrors(true));
        assertTrue(mine.restrict(Map.of("id", 3)).exists(), "the stale reservation was reclaimed");
        assertEquals(60, mine.count() + mine.jobs().errors().count());
        assertFalse(hung.isAlive());
    }

    private static java.util.concurrent.CompletableFuture<String> output(Process p) {
        java.util.concurrent.CompletableFuture<String> out = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                out.complete("(output unreadable: " + e + ")");
            }
        }, "populate-probe-output");
        reader.setDaemon(true);
        reader.start();
        return out;
    }

    /** A manual table {@code Source} of ids 0 to {@code n - 1}. */
    private static Table numberedSource(Schema s, int n) {
        Table source = s.manual("Source", "id : int32\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("id", i));
        }
        source.insert(rows);
        return source;
    }
}
