package org.datajoint.bench;

import java.util.Arrays;

/** Medians of repeated timings. */
final class Stats {

    private Stats() {
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
