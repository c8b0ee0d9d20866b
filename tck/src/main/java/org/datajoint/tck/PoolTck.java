package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.datajoint.DataJointException;
import org.datajoint.Instance;
import org.datajoint.PoolTimeoutException;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** The pool under misuse: exhausted, lent to a thread that is interrupted, lent to a stream left open. */
public interface PoolTck extends TckTarget {

    private static Table items(TckContext tck, Instance inst, String hint) {
        Table item = inst.schema(tck.schemaName(hint)).manual("Item", "item_id : int32\n---\nlabel : varchar(8)\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(Map.of("item_id", i, "label", "i" + i));
        }
        item.insert(rows);
        return item;
    }

    private long sessionId(Instance inst) {
        return ((Number) inst.connection().query(sessionIdSql()).get(0).values().iterator().next()).longValue();
    }

    @Test
    default void anExhaustedPoolTimesOutNamingItsSizeAndTheFix(TckContext tck) {
        Instance inst = tck.track(tck.builder().set("connection.max_pool_size", 2).set("connection.connect_timeout", 1)
                .build());
        Table item = items(tck, inst, "exhausted");
        try (Stream<Map<String, Object>> first = item.stream(); Stream<Map<String, Object>> second = item.stream()) {
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class, item::count);
            String m = e.getMessage();
            assertTrue(m.contains("all 2 connections") && m.contains("connection.max_pool_size = 2"), m);
            assertTrue(m.contains("Close each stream") && m.contains("raise connection.max_pool_size"), m);
            assertEquals(5, first.count(), "the streams still work");
        }
        assertEquals(5, item.count(), "closing the streams gave their connections back");
    }

    /**
     * Runs {@code work} on a new thread, interrupts it a moment later and waits for it to end;
     * returns what it threw, after checking that it kept its interrupt status.
     */
    private static Throwable interrupted(Runnable work) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "tck-interrupted");
        worker.setDaemon(true);
        worker.start();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(20_000);
        assertFalse(worker.isAlive(), "the interrupted thread's 30 s query is still running");
        assertTrue(stillInterrupted.get(), "the thread keeps its interrupt status: " + failure.get());
        return failure.get();
    }

    @Test
    default void anInterruptedThreadEndsItsQueryOnTheServerAndReturnsItsConnection(TckContext tck) throws Exception {
        Instance inst = tck.track(tck.builder().set("connection.max_pool_size", 1).build());
        Table item = items(tck, inst, "interrupt");
        long session = sessionId(inst);
        DataJointException e = assertInstanceOf(DataJointException.class,
                interrupted(() -> inst.connection().query(sleepSql(30))));
        assertTrue(e.getMessage().contains("cancelled on the server") && e.getMessage().contains("interrupted"),
                e.getMessage());
        assertEquals(session, sessionId(inst), "the pool's one connection came back, its query ended, and it works");
        DataJointException inTransaction = assertInstanceOf(DataJointException.class, interrupted(
                () -> inst.connection().transaction(tx -> {
                    item.insert1(Map.of("item_id", 6, "label", "i6"));
                    return tx.query(sleepSql(30));
                })));
        assertTrue(inTransaction.getMessage().contains("cancelled on the server"), inTransaction.getMessage());
        assertEquals(5, item.count(), "the interrupted transaction was rolled back");
        assertEquals(session, sessionId(inst), "the transaction's connection came back too");
    }

    @Test
    default void aStreamLeftOpenIsReportedWhereItWasOpenedAndClosed(TckContext tck) {
        Table item = items(tck, tck.instance(), "leak");
        ThreadSafeModeTck.Probe probe = Tck.runJvm(tck, List.of("-Xmx64m"), StreamLeakProbe.class,
                List.of(item.schemaName(), "Item"), Map.of());
        String out = probe.output();
        assertEquals(0, probe.exitCode(), out);
        assertTrue(out.contains("read from the leaked stream: 2 attributes"), out);
        assertTrue(out.contains("leaked stream collected: true"), out);
        assertTrue(out.contains("A stream was left open"), out);
        assertTrue(out.contains("opened at " + StreamLeakProbe.class.getName() + ".leak("), out);
        assertTrue(out.contains("query after the leak: 1 row"), out);
    }
}
