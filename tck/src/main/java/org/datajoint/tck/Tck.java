package org.datajoint.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.datajoint.tck.servers.TestServer;

/** Small shared helpers of the suite. */
final class Tck {

    private static Path isolated;

    private Tck() {
    }

    /** An empty directory, marked as a project root so the config search stops there. */
    static synchronized Path isolatedDirectory() {
        if (isolated == null) {
            isolated = newProjectDirectory();
        }
        return isolated;
    }

    /**
     * Runs {@code main} in a child JVM with this JVM's class path, connected to the server under
     * test through {@code DJ_*} variables (inherited {@code DJ_*} variables removed), and returns
     * its exit code and output.
     */
    static ThreadSafeModeTck.Probe runJvm(TckContext tck, List<String> jvmArgs, Class<?> main, List<String> args,
            Map<String, String> extraEnv) {
        Process p = startJvm(tck, jvmArgs, main, args, extraEnv);
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(main.getSimpleName() + " did not finish in 300 s");
            }
            return new ThreadSafeModeTck.Probe(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read a child JVM's output: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts {@code main} in a child JVM as {@link #runJvm} does, without waiting; output and errors merged. */
    static Process startJvm(TckContext tck, List<String> jvmArgs, Class<?> main, List<String> args,
            Map<String, String> extraEnv) {
        TestServer s = tck.server();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.timezone=" + java.util.TimeZone.getDefault().getID()));
        command.addAll(jvmArgs);
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DJ_"));
        env.put("DJ_HOST", s.host());
        env.put("DJ_PORT", Integer.toString(s.port()));
        env.put("DJ_USER", s.user());
        env.put("DJ_PASS", s.password() == null ? "" : s.password());
        env.put("DJ_BACKEND", s.backend());
        env.putAll(extraEnv);
        pb.directory(isolatedDirectory().toFile());
        pb.redirectErrorStream(true);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start a child JVM: " + e, e);
        }
    }

    /** A fresh empty directory marked as a project root ({@code .git}). */
    static Path newProjectDirectory() {
        try {
            Path dir = Files.createTempDirectory("datajoint-tck");
            Files.createDirectory(dir.resolve(".git"));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
