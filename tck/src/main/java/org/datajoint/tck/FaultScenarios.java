package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.datajoint.ConnectionLostException;
import org.datajoint.DeleteOptions;
import org.datajoint.Instance;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Schema;
import org.datajoint.Table;

/**
 * Operations cut by a fault half way (a killed session, a restarted server), and the checks that
 * nothing of them was half-written: every table is as it was before, and doing the operation again
 * makes it whole, once.
 */
final class FaultScenarios {

    /** What strikes half way through an operation, on the operation's own thread. */
    @FunctionalInterface
    interface Fault {
        /** @param victim the instance whose operation is under way */
        void strike(Instance victim);
    }

    private FaultScenarios() {
    }

    /** A builder's instance whose confirmer first runs what is set in {@code onConfirm}, then says yes. */
    static Instance confirming(Instance.Builder builder, AtomicReference<Runnable> onConfirm) {
        return builder.confirmer(question -> {
            Runnable r = onConfirm.getAndSet(null);
            if (r != null) {
                r.run();
            }
            return true;
        }).build();
    }

    /**
     * An insert of three statements' worth of rows, cut by the fault while it produces the first
     * row of the third statement: the insert fails, the table holds only the rows it had, and
     * the same insert run again stores every row.
     */
    static void batchInsert(TckTarget target, Instance inst, String schemaName, Fault fault) {
        Schema schema = inst.schema(schemaName);
        Table reading = schema.manual("Reading", "reading_id : int32\n---\nvalue : float64\nlabel : varchar(16)\n");
        reading.insert(List.of(reading(-1), reading(-2), reading(-3)));
        Map<String, List<Map<String, Object>>> before = snapshot(schema);
        int perStatement = target.rowsPerInsertStatement();
        int total = 3 * perStatement;
        AtomicReference<Fault> armed = new AtomicReference<>(fault);
        long[] sentBeforeFault = {-1};
        long start = inst.connection().statementCount();
        Iterable<Map<String, Object>> rows = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < total;
            }

            @Override
            public Map<String, Object> next() {
                if (i >= total) {
                    throw new NoSuchElementException();
                }
                i++;
                Fault f = i == 2 * perStatement + 1 ? armed.getAndSet(null) : null;
                if (f != null) {
                    sentBeforeFault[0] = inst.connection().statementCount() - start;
                    f.strike(inst);
                }
                return reading(i);
            }
        };
        assertThrows(ConnectionLostException.class, () -> reading.insert(rows));
        assertEquals(2, sentBeforeFault[0], "two statements of the insert had been sent when the fault struck");
        assertEquals(before, snapshot(schema), "the cut insert left nothing behind");
        reading.insert(rows);
        assertEquals(total + 3, reading.count());
        long sum = 0;
        for (Long id : reading.column("reading_id", Long.class)) {
            sum += id;
        }
        assertEquals((long) total * (total + 1) / 2 - 6, sum, "every row stored once");
    }

    private static Map<String, Object> reading(int id) {
        return Map.of("reading_id", id, "value", id * 0.5, "label", "r" + id);
    }

    /**
     * A cascade delete of subject 3 (its sessions and their trials) cut by the fault after its
     * deletes, while its transaction asks to commit: the delete fails and every table is as it was;
     * the delete run again removes those rows and nothing else.
     */
    static void cascadeDelete(Instance.Builder builder, TckContext tck, String schemaName, Fault fault) {
        AtomicReference<Runnable> onConfirm = new AtomicReference<>();
        Instance inst = tck.track(confirming(builder, onConfirm));
        Lab lab = new Lab(inst, schemaName);
        Map<String, List<Map<String, Object>>> before = snapshot(lab.schema);
        Map<String, Object> subject3 = Map.of("subject_id", 3);
        onConfirm.set(() -> fault.strike(inst));
        assertThrows(ConnectionLostException.class, () -> lab.subject.restrict(subject3).delete(DeleteOptions.prompt()));
        assertEquals(null, onConfirm.get(), "the fault struck while the delete asked to commit");
        assertEquals(before, snapshot(lab.schema), "the cut delete deleted nothing");
        assertEquals(1, lab.subject.restrict(subject3).delete(DeleteOptions.noPrompt()));
        Map<String, List<Map<String, Object>>> expected = new LinkedHashMap<>();
        before.forEach((table, rows) -> expected.put(table, rows.stream()
                .filter(r -> !Integer.valueOf(3).equals(r.get("subject_id"))).toList()));
        assertEquals(expected, snapshot(lab.schema), "the delete made again removed subject 3's rows and no others");
    }

    /**
     * A populate of six keys, each a master row and three part rows, cut by the fault after the
     * third make has inserted its master row and one part row: the first two keys are whole, the
     * rest absent; populate again makes the four others, each once, and the first two not again.
     * With {@code reserveJobs}, the cut key's job is left as an error (as DataJoint records a failed
     * make), none is left reserved, and populate resumes once that error is cleared.
     */
    static void populate(Instance inst, String schemaName, Fault fault, boolean reserveJobs) {
        Lab lab = new Lab(inst, schemaName);
        Map<String, Integer> makes = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Fault> armed = new AtomicReference<>(fault);
        AtomicReference<String> struck = new AtomicReference<>();
        Table summary = lab.schema.computed("SessionSummary", "-> Session\n---\nn_trials : int64\n", ctx -> {
            String key = ctx.key().get("subject_id") + "/" + ctx.key().get("session_id");
            makes.merge(key, 1, Integer::sum);
            ctx.insert1(ctx.key().with("n_trials", lab.trial.restrict(ctx.key()).count()));
            ctx.part("Slot").insert1(ctx.key().with("slot", 1));
            Fault f = calls.incrementAndGet() == 3 ? armed.getAndSet(null) : null;
            if (f != null) {
                struck.set(key);
                f.strike(inst);
            }
            ctx.part("Slot").insert1(ctx.key().with("slot", 2));
            ctx.part("Slot").insert1(ctx.key().with("slot", 3));
        });
        Table slot = summary.part("Slot", "-> master\nslot : int32\n");
        PopulateOptions options = PopulateOptions.defaults().reserveJobs(reserveJobs);
        assertThrows(ConnectionLostException.class, () -> summary.populate(options));
        assertTrue(struck.get() != null, "the fault struck during the third make");
        List<String> whole = keys(summary);
        assertEquals(2, whole.size(), "the two keys made before the fault are kept: " + whole);
        assertTrue(!whole.contains(struck.get()), "the key cut by the fault left no master row");
        assertEquals(6, slot.count(), "three part rows for each whole key, none for the cut one");
        if (reserveJobs) {
            assertEquals(0, summary.jobs().reserved().count(), "no job is left reserved by the cut make");
            assertEquals(List.of(struck.get()), keys(summary.jobs().errors()), "the cut make is recorded as an error");
            assertEquals(1, summary.jobs().table().restrict("status = 'error'").deleteQuick());
        }
        Map<String, Integer> firstRun = Map.copyOf(makes);
        PopulateResult again = summary.populate(options);
        assertEquals(4, again.success(), "populate resumes with the four keys not made");
        assertEquals(List.of(), again.errors());
        for (Map.Entry<String, Integer> e : makes.entrySet()) {
            int expected = whole.contains(e.getKey()) ? 1 : firstRun.getOrDefault(e.getKey(), 0) + 1;
            assertEquals(expected, e.getValue(), "makes of " + e.getKey());
        }
        assertEquals(6, makes.size());
        assertEquals(6, summary.count());
        assertEquals(18, slot.count());
        for (int[] t : Lab.TRIALS) {
            Map<String, Object> key = Map.of("subject_id", t[0], "session_id", t[1]);
            assertEquals((long) t[2], ((Number) summary.restrict(key).fetch1().get("n_trials")).longValue());
            assertEquals(3, slot.restrict(key).count());
        }
    }

    private static List<String> keys(org.datajoint.QueryExpression t) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : t.toDicts()) {
            out.add(r.get("subject_id") + "/" + r.get("session_id"));
        }
        return out;
    }

    /** Every row of every table of the schema, DataJoint's hidden ones included, in a stable order. */
    static Map<String, List<Map<String, Object>>> snapshot(Schema schema) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String name : schema.listTables()) {
            out.put(name, QueryAssertions.sorted(schema.instance().freeTable(schema.name() + "." + name).toDicts()));
        }
        return out;
    }
}
