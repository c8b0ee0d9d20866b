package org.datajoint.engine.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** A progress bar on a terminal, log lines every tenth otherwise. */
final class ProgressDisplay {
    private final Logger log;
    private final String name;
    private final long total;
    private final boolean terminal = onTerminal();
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();

    ProgressDisplay(Logger log, String name, long total) {
        this.log = log;
        this.name = name;
        this.total = total;
    }

    void step() {
        long d = done.incrementAndGet();
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * d / total);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            System.console().writer().printf("\r%s [%s%s] %3d%% %d/%d [%.1fs]", name, "#".repeat(filled),
                    "-".repeat(width - filled), total == 0 ? 100 : 100 * d / total, d, total, seconds);
            System.console().writer().flush();
        } else if (total > 0 && (d * 10 / total) != ((d - 1) * 10 / total)) {
            log.info("{}: {}/{} ({}%)", name, d, total, 100 * d / total);
        }
    }

    /** A console that is a terminal; from JDK 22 on a console exists without one, and {@code isTerminal} tells. */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void finish() {
        if (terminal) {
            System.console().writer().println();
        }
    }
}
