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
 * for a smoke test), {@code --output FILE} (default {@code BENCHMARKS.md}). Servers come from
 * the same settings as the test suite: explicit, else embedded.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
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
                        + "; use --backend mysql|postgresql, --quick, --output FILE");
            }
        }
        Report report = new Report();
        for (String backend : backends) {
            TestServer server = TestServers.get(backend);
            String name = server.product() + " " + server.version() + " (" + server.origin() + ")";
            if (only.isEmpty() || only.contains("cascade")) {
                cascade(server, name, quick, report);
            }
            if (only.isEmpty() || only.contains("populate")) {
                populate(server, name, quick, report);
            }
            if (!only.isEmpty() && !only.contains("foundation")) {
                continue;
            }
            acquireRelease(server, name, quick, report);
            FirstQueryWorkload.Result first = FirstQueryWorkload.run(server, quick ? 10 : 40);
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

    private static void cascade(TestServer server, String name, boolean quick, Report report) throws Exception {
        CascadeWorkload.Result c = CascadeWorkload.run(server, quick ? 3 : 7);
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
        report.row("cascade delete of 1,000 subjects (25 rows each), warm", "hand-written transaction of leaf-first"
                + " DELETEs", c.manyNanos() / c.manyRawNanos(), Report.millis(c.manyNanos()),
                Report.millis(c.manyRawNanos()), name, "at most 1.2 times", c.manyNanos() / c.manyRawNanos() <= 1.2);
    }

    private static void populate(TestServer server, String name, boolean quick, Report report) throws Exception {
        PopulateWorkload.Result p = PopulateWorkload.run(server, quick);
        String hand = "hand-written per key: reserve, begin, read, insert, commit, clear (" + p.rawStatementsPerKey()
                + " statements per key)";
        double directRate = p.rawNanos() / p.directNanos();
        double jobsRate = p.rawNanos() / p.jobsNanos();
        report.row(String.format(Locale.ROOT, "populate %,d keys, make reads 1 row and inserts 1, no job reservation"
                + " (%.2f statements per key)", p.keys(), p.directStatementsPerKey()), hand,
                p.directNanos() / p.rawNanos(), Report.millis(p.directNanos()), Report.millis(p.rawNanos()), name,
                String.format(Locale.ROOT, "keys/s at least 0.85 of hand-written (%.2f) and no more statements per key",
                        directRate), directRate >= 0.85 && p.directStatementsPerKey() <= p.rawStatementsPerKey());
        report.row(String.format(Locale.ROOT, "the same with job reservation, queue refresh included (%.2f statements"
                + " per key)", p.jobsStatementsPerKey()), hand, p.jobsNanos() / p.rawNanos(),
                Report.millis(p.jobsNanos()), Report.millis(p.rawNanos()), name,
                String.format(Locale.ROOT, "keys/s at least 0.85 of hand-written (%.2f) and no more statements per key",
                        jobsRate), jobsRate >= 0.85 && p.jobsStatementsPerKey() <= p.rawStatementsPerKey());
        double speedup = p.oneWorkerNanos() / p.eightWorkersNanos();
        report.row(String.format(Locale.ROOT, "8 workers on %d keys with a make that waits 20 ms; duplicate make"
                + " calls: %d", p.waitKeys(), p.duplicateCalls()), "1 worker", p.eightWorkersNanos() / p.oneWorkerNanos(),
                Report.millis(p.eightWorkersNanos()), Report.millis(p.oneWorkerNanos()), name,
                String.format(Locale.ROOT, "at least 6 times the single-worker rate (%.1f) with 0 duplicates", speedup),
                speedup >= 6 && p.duplicateCalls() == 0);
        report.row(String.format(Locale.ROOT, "refresh the jobs queue with %,d new keys", p.refreshKeys()),
                "one hand-written INSERT ... SELECT anti-join", p.refreshNanos() / p.refreshRawNanos(),
                Report.millis(p.refreshNanos()), Report.millis(p.refreshRawNanos()), name, "at most 1.5 times",
                p.refreshNanos() / p.refreshRawNanos() <= 1.5);
    }

    private static void acquireRelease(TestServer server, String name, boolean quick, Report report) throws Exception {
        Options options = new OptionsBuilder().include(AcquireReleaseBenchmark.class.getName() + ".*")
                .forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(Servers.jvmArgs(server)).build();
        Collection<RunResult> results = new Runner(options).run();
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
