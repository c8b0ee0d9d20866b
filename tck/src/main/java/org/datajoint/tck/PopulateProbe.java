package org.datajoint.tck;

import java.util.Map;
import java.util.UUID;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Schema;
import org.datajoint.Table;

/**
 * Run in child JVMs by {@link PopulateTck}: populates {@code Result} with reserved jobs, logging
 * every make call through a second instance. Connection settings come from {@code DJ_*}.
 */
public final class PopulateProbe {

    /** The definition of the populated table, shared with the test. */
    static final String RESULT = "-> Source\n---\nvalue : int64\n";

    private PopulateProbe() {
    }

    /**
     * Entry point.
     *
     * @param args schema name, key that fails, key that hangs (or -1), and the number of workers to wait
     *     for in {@code Ready} before populating
     */
    public static void main(String[] args) throws InterruptedException {
        int failing = Integer.parseInt(args[1]);
        int hanging = Integer.parseInt(args[2]);
        int peers = Integer.parseInt(args[3]);
        try (Instance inst = DataJoint.instance().build(); Instance log = DataJoint.instance().build()) {
            Schema s = inst.schema(args[0]);
            Table source = s.table("Source");
            Table calls = log.schema(args[0]).table("CallLog");
            Table result = s.computed("Result", RESULT, ctx -> {
                int id = ((Number) ctx.key().get("id")).intValue();
                calls.insert1(Map.of("id", id, "call_id", UUID.randomUUID(), "pid", ProcessHandle.current().pid()));
                if (id == failing) {
                    throw new IllegalStateException("key " + id + " fails on purpose");
                }
                if (id == hanging) {
                    System.out.println("hanging on " + id);
                    System.out.flush();
                    Thread.sleep(600_000);
                }
                Thread.sleep(20);
                ctx.insert1(ctx.key().with("value", 2L * id));
            });
            if (peers > 1) {
                waitForPeers(s.table("Ready"), peers);
            }
            PopulateResult r = result.populate(PopulateOptions.defaults().reserveJobs(true).suppressErrors(true));
            System.out.println("populated " + r.success() + " ok, " + r.error() + " failed, " + r.skip() + " skipped; "
                    + source.count() + " sources");
        }
        System.exit(0);
    }

    /** Starts together with the other workers, so that they share the keys. */
    private static void waitForPeers(Table ready, int peers) throws InterruptedException {
        ready.insert1(Map.of("pid", ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ready.count() < peers && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
