package org.datajoint.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The BENCHMARKS.md table. */
final class Report {

    private final List<String> rows = new ArrayList<>();

    /** Adds a row; {@code target} may be {@code null} when none is set. */
    void row(String workload, String comparator, double ratio, String ours, String theirs, String server,
            String target, boolean met) {
        rows.add(String.join(" | ", "", workload, comparator,
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio), ours, theirs, server,
                target == null ? "-" : target + (met ? " (met)" : " (NOT met)"), "").strip());
    }

    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Benchmarks\n\n");
        out.append("Each figure is measured beside its comparator in the same run (medians of repeated timings;"
                + " JMH averages for the microbenchmarks). The fetch1, query and first-query workloads run three"
                + " times, and each of their rows comes from the run with the median ratio. The sides take turns:"
                + " the fetches of 1,000,000 rows alternate which side goes first, and each side starts after a"
                + " full GC; the three cascade deletes (hand-written, warm, cold) run in all six orders in turn,"
                + " after both sides have deleted subjects that do not exist for 3 s, so that the JIT has compiled"
                + " them, as the query workloads warm up for 5 s."
                + " Regenerate with `bench/run`. On a shared 2-core virtual machine the ratio of one run of a short"
                + " workload (a query of 340 rows, a cascade delete of 9,000 rows, a first query) moves by up to"
                + " 0.15 from one run of the same build to the next, and that of fetch1 on MariaDB by up to 0.5"
                + " (1.21 to 1.75 in four runs of one build on 2026-12-02). Before the sides took turns so, a"
                + " fetch of 1,000,000 rows and a cascade delete on MariaDB moved by up to 0.3 (toColumns 0.90 and"
                + " 1.16 in two runs an hour apart on 2026-12-03). Earlier runs are in the file's git history.\n\n");
        out.append("- date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
        out.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        out.append("- machine: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
        out.append("| workload | comparator | ratio | ours | comparator | server | target |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }
}
