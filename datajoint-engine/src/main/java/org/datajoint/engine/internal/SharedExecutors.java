package org.datajoint.engine.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads shared by every instance in the JVM, so that a thousand instances cost no thousand threads. */
final class SharedExecutors {

    private static final AtomicInteger COUNT = new AtomicInteger();

    /** The pools' housekeeping: one daemon thread for all of them. */
    static final ScheduledExecutorService HOUSEKEEPING = housekeeping();

    private SharedExecutors() {
    }

    private static ScheduledExecutorService housekeeping() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "datajoint-housekeeping-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }
}
