package org.datajoint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.datajoint.tck.servers.TestServer;
import org.datajoint.tck.servers.TestServers;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark beside its comparator, per backend, and writes BENCHMARKS.md.
 *
 * <p>Arguments: {@code --backend mysql|postgresql} (default both), {@code --quick} (short runs
 * for a smoke test), {@code --output FILE} (default {@code BENCHMARKS.md}), {@code --only
 * bulk,query,cascade,populate,foundation} (default all). Servers come from
 * the same settings as the test suite: explicit, else embedded.
 */
public final class BenchmarkMain {

    private static final List<String> PARTS = List.of("bulk", "query", "cascade", "populate", "foundation");

    private BenchmarkMain() {
    }

    private static boolean wanted(java.util.Set<String> only, String part) {
        return only.isEmpty() || only.contains(part);
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        System.setProperty("com.zaxxer.hikari.housekeeping.periodMs", "1000");
        List<String> backends = new ArrayList<>(List.of("mysql", "postgresql"));
        boolean quick = false;
        java.util.Set<String> only = new java.util.HashSet<>();
        Path output = Path.of("BENCHMARKS.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backends = List.of(args[++i]);
                case "--quick" -> quick = true;
                case "--output" -> output = Path.of(args[++i]);
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --backend mysql|postgresql, --quick, --output FILE, --only " + String.join(",", PARTS));
            }
        }
        Report report = new Report();
        for (String backend : backends) {
            TestServer server = TestServers.get(backend);
            String name = server.product() + " " + server.version() + " (" + server.origin() + ")";
            if (wanted(only, "bulk")) {
                bulk(server, name, quick, report);
            }
            if (wanted(only, "query")) {
                query(server, name, quick, report);
            }
            if (wanted(only, "cascade")) {
                cascade(server, name, quick, report);
            }
            if (wanted(only, "populate")) {
                populate(server, name, quick, report);
            }
            if (!wanted(only, "foundation")) {
                continue;
            }
            acquireRelease(server, name, quick, report);
            int firstRepetitions = quick ? 10 : 40;
            FirstQueryWorkload.Result first = Stats.medianRun(runs(quick,
                    () -> FirstQueryWorkload.run(server, firstRepetitions)), r -> r.oursNanos() / r.rawNanos());
            report.row("first query of a new instance (build, SELECT 1)", "raw JDBC connect, SELECT 1",
                    first.oursNanos() / first.rawNanos(), Report.millis(first.oursNanos()),
                    Report.millis(first.rawNanos()), name, "at most 1.2 times",
                    first.oursNanos() / first.rawNanos() <= 1.2);
            report.row("then closing the instance (pool shutdown)", "closing the raw connection",
                    first.oursCloseNanos() / first.rawCloseNanos(), Report.millis(first.oursCloseNanos()),
                    Report.millis(first.rawCloseNanos()), name, null, true);
            CatalogWorkload.Result catalog = CatalogWorkload.run(server, quick ? 3 : 10);
            report.row("cold metadata of a 200-table schema: open, list tables, one heading (" + catalog.statements()
                    + " statements)", "3 hand-written information_schema queries", catalog.oursNanos() / catalog.rawNanos(),
                    Report.millis(catalog.oursNanos()), Report.millis(catalog.rawNanos()), name, "at most 5 round trips",
                    catalog.statements() <= 5);
            IdleInstancesWorkload.Result idle = IdleInstancesWorkload.run(server);
            report.row("1,000 instances, 50 used, after idle timeout: pool threads",
                    "1,000 plain HikariCP pools: " + idle.rawPoolThreads() + " threads", Double.NaN,
                    idle.threadsAfterIdle() + " threads (" + idle.threadsAfterUse() + " right after use)",
                    idle.rawPoolThreads() + " threads", name, "at most 4", idle.threadsAfterIdle() <= 4);
            report.row("1,000 instances, 50 used, after idle timeout: server connections", "-", Double.NaN,
                    idle.connectionsAfterIdle() + " (" + idle.connectionsAfterUse() + " right after use; waited "
                            + idle.idleWaitMillis() / 1000 + " s)", "-", name, "0", idle.connectionsAfterIdle() == 0);
        }
        Files.writeString(output, report.markdown());
        System.out.println(report.markdown());
    }

    private static void bulk(TestServer server, String name, boolean quick, Report report) throws Exception {
        BulkWorkload.Result b = BulkWorkload.run(server, quick);
        String rows = String.format(Locale.ROOT, "%,d rows of 6 mixed columns", b.rows());
        report.row("insert of " + rows + " in one insert call (maps)", "raw JDBC batches of 1,000 with"
                + " batch rewriting, one transaction", b.insertNanos() / b.rawInsertNanos(), Report.millis(b.insertNanos()),
                Report.millis(b.rawInsertNanos()), name, "at most 1.1 times", b.insertNanos() / b.rawInsertNanos() <= 1.1);
        if (!Double.isNaN(b.copyNanos())) {
            report.row("the same insert", "COPY FROM STDIN (csv)", b.insertNanos() / b.copyNanos(),
                    Report.millis(b.insertNanos()), Report.millis(b.copyNanos()), name, null, true);
        }
        fetch(report, name, "fetch of " + rows + " into per-attribute columns (toColumns)", "raw JDBC loop into"
                + " column lists", b.columnsNanos(), b.rawColumnsNanos(), 1.15);
        fetch(report, name, "fetch of " + rows + " into maps (toDicts)", "raw JDBC loop into maps",
                b.mapsNanos(), b.rawMapsNanos(), 1.3);
        fetch(report, name, "fetch of " + rows + " into records (toList)", "raw JDBC loop into records",
                b.recordsNanos(), b.rawRecordsNanos(), 1.3);
        double heap = (double) b.streamHeap() / b.rawStreamHeap();
        report.row("stream() of " + rows + ": live heap while streaming (median of samples at full GCs)",
                "raw forward-only cursor building the same maps", heap, kib(b.streamHeap()), kib(b.rawStreamHeap()),
                name, "at most 1.3 times", heap <= 1.3);
    }

    private static void fetch(Report report, String name, String workload, String comparator, double ours,
            double theirs, double target) {
        report.row(workload, comparator, ours / theirs, Report.millis(ours), Report.millis(theirs), name,
                String.format(Locale.ROOT, "at most %.2f times", target), ours / theirs <= target);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f KiB", bytes / 1024.0);
    }

    /**
     * The results of a short workload run three times ({@code --quick}: once); each figure is then
     * taken from the run with the median ratio.
     */
    private static <T> List<T> runs(boolean quick, java.util.concurrent.Callable<T> workload) throws Exception {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < (quick ? 1 : 3); i++) {
            out.add(workload.call());
        }
        return out;
    }

    private static void query(TestServer server, String name, boolean quick, Report report) throws Exception {
        List<QueryWorkload.Result> runs = runs(quick, () -> QueryWorkload.run(server, quick));
        QueryWorkload.Result q = Stats.medianRun(runs, r -> r.fetch1Nanos() / r.handFetch1Nanos());
        double added = (q.fetch1Nanos() - q.handFetch1Nanos()) / 1000;
        report.row(String.format(Locale.ROOT, "fetch1 by primary key on (Subject * Session * Trial) & key, %,d calls,"
                + " median per call", q.calls()), "cached hand-written prepared statement",
                q.fetch1Nanos() / q.handFetch1Nanos(), micros(q.fetch1Nanos()), micros(q.handFetch1Nanos()), name,
                String.format(Locale.ROOT, "at most 1.3 times and 25 µs added (added %.1f µs)", added),
                q.fetch1Nanos() / q.handFetch1Nanos() <= 1.3 && added <= 25);
        Collection<RunResult> jmh = jmh(RenderBenchmark.class, server, quick);
        double render = score(jmh, "render");
        double build = score(jmh, "buildAndRender");
        report.row("rendering that expression to SQL alone (JMH)", "-", Double.NaN, micros(render), "-", name,
                "at most 15 µs", render <= 15_000);
        report.row("building the expression from its three tables and rendering it (JMH)", "-", Double.NaN,
                micros(build), "-", name, null, true);
        for (int k = 0; k < q.queries().size(); k++) {
            int index = k;
            QueryWorkload.Timing t = Stats.medianRun(runs.stream().map(r -> r.queries().get(index)).toList(),
                    x -> x.oursNanos() / x.handNanos());
            fetch(report, name, t.name() + String.format(Locale.ROOT, ", %,d rows into maps", t.rows()),
                    "the same SQL by hand, read into maps", t.oursNanos(), t.handNanos(), 1.1);
            if (!Double.isNaN(t.backToBackOursNanos())) {
                report.row("the same, back to back (no idle time between calls)", "the same SQL by hand, back to back",
                        t.backToBackOursNanos() / t.backToBackHandNanos(), Report.millis(t.backToBackOursNanos()),
                        Report.millis(t.backToBackHandNanos()), name, null, true);
            }
        }
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000);
    }

    private static Collection<RunResult> jmh(Class<?> benchmark, TestServer server, boolean quick) throws Exception {
        Options options = new OptionsBuilder().include(benchmark.getName() + ".*")
                .forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(Servers.jvmArgs(server)).build();
        return new Runner(options).run();
    }

    private static void cascade(TestServer server, String name, boolean quick, Report report) throws Exception {
        CascadeWorkload.Result c = CascadeWorkload.run(server, quick ? 3 : 12);
        String shape = c.tables() + " tables, 6 levels, 3 part tables";
        report.row("cascade delete of one subject (" + c.rowsPerSubject() + " rows in " + shape + "), warm metadata;"
                + " extra round trips beyond the DELETEs: " + c.warmExtra(), "hand-written transaction of leaf-first"
                + " DELETEs", c.warmNanos() / c.rawNanos(), Report.millis(c.warmNanos()), Report.millis(c.rawNanos()),
                name, "at most 1.2 times and 0 extra round trips",
                c.warmNanos() / c.rawNanos() <= 1.2 && c.warmExtra() <= 0);
        report.row("the same, cold metadata (a new instance that has only opened the table, " + c.openStatements()
                + " statements to open it); extra round trips: " + c.coldExtra(),
                "hand-written transaction of leaf-first DELETEs", c.coldNanos() / c.rawNanos(),
                Report.millis(c.coldNanos()), Report.millis(c.rawNanos()), name,
                "at most 1.5 times and 2 extra round trips", c.coldNanos() / c.rawNanos() <= 1.5 && c.coldExtra() <= 2);
        report.row("preview() of that cascade: statements", "-", Double.NaN, Long.toString(c.previewStatements()), "-",
                name, "1 statement", c.previewStatements() == 1);
        report.row("cascade delete of 1,000 subjects (25 rows each), warm metadata; extra round trips beyond the"
                + " DELETEs: " + c.manyWarmExtra(), "hand-written transaction of leaf-first DELETEs",
                c.manyNanos() / c.manyRawNanos(), Report.millis(c.manyNanos()), Report.millis(c.manyRawNanos()), name,
                "at most 1.2 times and 0 extra round trips",
                c.manyNanos() / c.manyRawNanos() <= 1.2 && c.manyWarmExtra() <= 0);
        report.row("the same, cold metadata (a new instance that has only opened the table); extra round trips: "
                + c.manyColdExtra(), "hand-written transaction of leaf-first DELETEs",
                c.manyColdNanos() / c.manyRawNanos(), Report.millis(c.manyColdNanos()), Report.millis(c.manyRawNanos()),
                name, "at most 1.5 times and 2 extra round trips",
                c.manyColdNanos() / c.manyRawNanos() <= 1.5 && c.manyColdExtra() <= 2);
    }

    private static void populate(TestServer server, String name, boolean quick, Report report) throws Exception {
        PopulateWorkload.Result p = PopulateWorkload.run(server, quick);
        String hand = String.format(Locale.ROOT, "hand-written: fill the queue with one INSERT ... SELECT (%d"
                + " statement per call), then per key reserve, begin, read, insert, commit, clear (%d statements per"
                + " key)", p.rawFixed(), p.rawStatementsPerKey());
        double directRate = p.rawNanos() / p.directNanos();
        double jobsRate = p.rawNanos() / p.jobsNanos();
        report.row(String.format(Locale.ROOT, "populate %,d keys, make reads 1 row and inserts 1, no job reservation"
                + " (%.2f statements per key, %d per call)", p.keys(), p.directStatementsPerKey(), p.directFixed()),
                hand, p.directNanos() / p.rawNanos(), Report.millis(p.directNanos()), Report.millis(p.rawNanos()), name,
                String.format(Locale.ROOT, "keys/s at least 0.85 of hand-written (%.2f) and no more statements per key",
                        directRate), directRate >= 0.85 && p.directStatementsPerKey() <= p.rawStatementsPerKey());
        report.row(String.format(Locale.ROOT, "the same with job reservation, queue refresh included (%.2f statements"
                + " per key, %d per call)", p.jobsStatementsPerKey(), p.jobsFixed()), hand,
                p.jobsNanos() / p.rawNanos(), Report.millis(p.jobsNanos()), Report.millis(p.rawNanos()), name,
                String.format(Locale.ROOT, "keys/s at least 0.85 of hand-written (%.2f) and no more statements per key",
                        jobsRate), jobsRate >= 0.85 && p.jobsStatementsPerKey() <= p.rawStatementsPerKey());
        double speedup = p.oneWorkerNanos() / p.eightWorkersNanos();
        report.row(String.format(Locale.ROOT, "8 workers on %d keys with a make that waits 20 ms (pools warm);"
                + " duplicate make calls: %d", p.waitKeys(), p.duplicateCalls()), "1 worker", p.eightWorkersNanos() / p.oneWorkerNanos(),
                Report.millis(p.eightWorkersNanos()), Report.millis(p.oneWorkerNanos()), name,
                String.format(Locale.ROOT, "at least 6 times the single-worker rate (%.1f) with 0 duplicates", speedup),
                speedup >= 6 && p.duplicateCalls() == 0);
        report.row(String.format(Locale.ROOT, "refresh the jobs queue with %,d new keys", p.refreshKeys()),
                "one hand-written INSERT ... SELECT anti-join", p.refreshNanos() / p.refreshRawNanos(),
                Report.millis(p.refreshNanos()), Report.millis(p.refreshRawNanos()), name, "at most 1.5 times",
                p.refreshNanos() / p.refreshRawNanos() <= 1.5);
    }

    private static void acquireRelease(TestServer server, String name, boolean quick, Report report) throws Exception {
        Collection<RunResult> results = jmh(AcquireReleaseBenchmark.class, server, quick);
        double ours = score(results, "instanceAcquireRelease");
        double raw = score(results, "hikariAcquireRelease");
        report.row("acquire and release a connection through an instance (JMH)", "raw HikariCP getConnection/close",
                ours / raw, String.format(Locale.ROOT, "%.0f ns", ours), String.format(Locale.ROOT, "%.0f ns", raw),
                name, String.format(Locale.ROOT, "under 0.5 µs added (added %.3f µs)", (ours - raw) / 1000),
                ours - raw < 500);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}
