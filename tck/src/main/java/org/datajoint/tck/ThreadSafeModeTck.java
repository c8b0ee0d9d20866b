package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thread-safe mode, tested in a JVM really started with {@code DJ_THREAD_SAFE=true}. */
public interface ThreadSafeModeTck extends TckTarget {

    /** What a probe JVM printed and how it ended. */
    record Probe(int exitCode, String output) {
    }

    /** Runs {@link ThreadSafeModeProbe} in a child JVM against the server under test. */
    static Probe runProbe(TckContext tck, boolean threadSafe) {
        return Tck.runJvm(tck, List.of(), ThreadSafeModeProbe.class,
                List.of(threadSafe ? "threadsafe" : "global", tck.schemaName(threadSafe ? "ts" : "global")),
                threadSafe ? Map.of("DJ_THREAD_SAFE", "true") : Map.of());
    }

    @Test
    default void globalStateIsRefusedWhileInstancesWork(TckContext tck) {
        Probe result = runProbe(tck, true);
        String out = result.output();
        assertEquals(0, result.exitCode(), out);
        assertTrue(out.contains("thread-safe mode: true"), out);
        for (String what : new String[] {"config", "conn", "schema", "freeTable"}) {
            assertTrue(out.contains(what + ": ThreadSafetyException: "), what + " must be refused:\n" + out);
        }
        assertTrue(out.contains("Create an Instance"), "the message says what to do instead:\n" + out);
        assertTrue(out.contains("instance schema exists: true"), out);
        assertTrue(out.contains("instance schema dropped: true"), out);
    }
}
