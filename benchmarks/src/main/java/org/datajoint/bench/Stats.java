package org.datajoint.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians of repeated timings, and of repeated runs. */
final class Stats {

    private Stats() {
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * The run whose {@code ratio} is the median of all runs' (the lower middle one of an even
     * number), so that its figures are reported together.
     */
    static <T> T medianRun(List<T> runs, ToDoubleFunction<T> ratio) {
        List<T> sorted = runs.stream().sorted(Comparator.comparingDouble(ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
