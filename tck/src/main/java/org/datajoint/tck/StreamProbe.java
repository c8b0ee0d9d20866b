package org.datajoint.tck;

import java.util.stream.Stream;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.Table;

/**
 * Run in a small-heap child JVM by {@link ValuesTck}: streams a whole table and prints the row
 * count and the sum of its {@code id} column. Connection settings come from {@code DJ_*}.
 */
public final class StreamProbe {

    private StreamProbe() {
    }

    /**
     * Entry point.
     *
     * @param args schema name, table class name
     */
    public static void main(String[] args) {
        try (Instance inst = DataJoint.instance().build()) {
            Table t = inst.schema(args[0]).table(args[1]);
            long[] countAndSum = new long[2];
            try (Stream<java.util.Map<String, Object>> rows = t.stream()) {
                rows.forEach(r -> {
                    countAndSum[0]++;
                    countAndSum[1] += ((Number) r.get("id")).longValue();
                });
            }
            System.out.println("streamed " + countAndSum[0] + " rows, id sum " + countAndSum[1]
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        }
        System.exit(0);
    }
}
