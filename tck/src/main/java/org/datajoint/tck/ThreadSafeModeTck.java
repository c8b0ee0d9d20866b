package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.datajoint.tck.servers.TestServer;
import org.junit.jupiter.api.Test;

/** Thread-safe mode, tested in a JVM really started with {@code DJ_THREAD_SAFE=true}. */
public interface ThreadSafeModeTck extends TckTarget {

    /** What a probe JVM printed and how it ended. */
    record Probe(int exitCode, String output) {
    }

    /** Runs {@link ThreadSafeModeProbe} in a child JVM against the server under test. */
    static Probe runProbe(TckContext tck, boolean threadSafe) {
        TestServer s = tck.server();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Duser.timezone=UTC", ThreadSafeModeProbe.class.getName(),
                threadSafe ? "threadsafe" : "global", tck.schemaName(threadSafe ? "ts" : "global"));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DJ_"));
        env.put("DJ_HOST", s.host());
        env.put("DJ_PORT", Integer.toString(s.port()));
        env.put("DJ_USER", s.user());
        env.put("DJ_PASS", s.password() == null ? "" : s.password());
        env.put("DJ_BACKEND", s.backend());
        if (threadSafe) {
            env.put("DJ_THREAD_SAFE", "true");
        }
        pb.directory(Tck.isolatedDirectory().toFile());
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("probe JVM did not finish in 120 s");
            }
            return new Probe(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot start a probe JVM: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
