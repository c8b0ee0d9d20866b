package org.datajoint.tck;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.Table;

/**
 * Run in a child JVM by {@link PoolTck}: with a pool of one connection, opens a stream, reads one
 * row and drops it unclosed; once it is garbage, runs a query, which needs that connection back.
 * Prints what it saw; the warnings of the engine go to the same output.
 */
public final class StreamLeakProbe {

    private StreamLeakProbe() {
    }

    /**
     * Entry point.
     *
     * @param args schema name, table class name
     */
    public static void main(String[] args) throws InterruptedException {
        try (Instance inst = DataJoint.instance().set("connection.max_pool_size", 1).build()) {
            Table t = inst.schema(args[0]).table(args[1]);
            WeakReference<Stream<Map<String, Object>>> leaked = leak(t);
            for (int i = 0; i < 200 && leaked.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            System.out.println("leaked stream collected: " + (leaked.get() == null));
            System.out.println("query after the leak: " + inst.connection().query("SELECT 1 AS one").size() + " row");
        }
        System.exit(0);
    }

    private static WeakReference<Stream<Map<String, Object>>> leak(Table t) {
        Stream<Map<String, Object>> rows = t.stream();
        Iterator<Map<String, Object>> it = rows.iterator();
        System.out.println("read from the leaked stream: " + it.next().size() + " attributes");
        return new WeakReference<>(rows);
    }
}
