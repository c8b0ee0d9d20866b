package org.datajoint.engine.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.datajoint.DataJointException;
import org.datajoint.QueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the statements of an interrupted thread: while JDBC work runs, the statements it creates
 * are watched, and once its thread is interrupted they are cancelled on the server (JDBC's
 * {@link Statement#cancel()}, which the drivers send on a connection of their own), since a
 * thread blocked in a driver's socket read does not notice an interrupt. A shared housekeeping
 * thread looks every {@value #PERIOD_MS} ms, and only while some work is watched.
 */
final class StatementWatch implements InvocationHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatementWatch.class);
    private static final long PERIOD_MS = 50;
    private static final Set<StatementWatch> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SCHEDULED = new AtomicBoolean();
    private static final Constructor<?> PROXY = proxyConstructor();

    private final Thread thread = Thread.currentThread();
    private final java.sql.Connection jdbc;
    private Statement[] statements = new Statement[2];
    private int count;
    private volatile boolean cancelled;
    private volatile Thread canceller;

    private StatementWatch(java.sql.Connection jdbc) {
        this.jdbc = jdbc;
    }

    private static Constructor<?> proxyConstructor() {
        Object probe = Proxy.newProxyInstance(StatementWatch.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> null);
        try {
            return probe.getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Watches work on {@code jdbc} by the calling thread, until closed; the work uses {@link #connection()}. */
    static StatementWatch of(java.sql.Connection jdbc) {
        StatementWatch w = new StatementWatch(jdbc);
        w.register();
        return w;
    }

    /** Watches one statement run by the calling thread, until closed. */
    static StatementWatch of(Statement statement) {
        StatementWatch w = new StatementWatch(null);
        w.add(statement);
        w.register();
        return w;
    }

    private void register() {
        RUNNING.add(this);
        if (SCHEDULED.compareAndSet(false, true)) {
            SharedExecutors.HOUSEKEEPING.schedule(StatementWatch::sweep, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The connection to hand to the work: it is {@code jdbc}, with each statement it creates watched. */
    java.sql.Connection connection() {
        try {
            return (java.sql.Connection) PROXY.newInstance(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the work's statements were cancelled because its thread was interrupted. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * The exception for a failure of the watched work: when its statements were cancelled, one
     * that says so; when its connection was {@code lost}, {@link org.datajoint.ConnectionLostException};
     * otherwise the usual one for the server's error.
     */
    DataJointException failure(ConnectionImpl connection, SQLException e, String sql, boolean lost) {
        if (!cancelled) {
            return lost ? Errors.lost(e, sql) : Errors.statement(connection.dialect(), e, sql);
        }
        return new QueryException("The statement was cancelled on the server because its thread '" + thread.getName()
                + "' was interrupted; its transaction, if any, is rolled back. Server said: " + e.getMessage()
                + " [SQL: " + Errors.abbreviate(sql) + "]", e);
    }

    /**
     * Waits for the cancel requests to have reached the server, so that none arrives after the
     * connection has gone back to the pool.
     */
    void awaitCancel() {
        Thread t = canceller;
        if (t == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (t.isAlive() && System.nanoTime() < deadline) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        RUNNING.remove(this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(jdbc, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement s) {
            add(s);
        }
        return result;
    }

    private synchronized void add(Statement s) {
        if (count == statements.length) {
            int open = 0;
            for (int i = 0; i < count; i++) {
                if (!isClosed(statements[i])) {
                    statements[open++] = statements[i];
                }
            }
            Arrays.fill(statements, open, count, null);
            count = open;
            if (count == statements.length) {
                statements = Arrays.copyOf(statements, count * 2);
            }
        }
        statements[count++] = s;
    }

    private static boolean isClosed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void sweep() {
        for (StatementWatch w : RUNNING) {
            if (!w.cancelled && w.thread.isInterrupted()) {
                Thread canceller = new Thread(w::cancel, "datajoint-cancel-" + w.thread.getName());
                canceller.setDaemon(true);
                w.canceller = canceller;
                w.cancelled = true;
                canceller.start();
            }
        }
        SCHEDULED.set(false);
        if (!RUNNING.isEmpty() && SCHEDULED.compareAndSet(false, true)) {
            SharedExecutors.HOUSEKEEPING.schedule(StatementWatch::sweep, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Cancels the statements; on a thread of its own, since a driver may open a connection to do
     * it. Not asked whether they are closed (Connector/J would wait for the running statement to
     * ask): drivers ignore a cancel of a statement that is not running.
     */
    private void cancel() {
        Statement[] open;
        synchronized (this) {
            open = Arrays.copyOf(statements, count);
        }
        for (Statement s : open) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Cancelling a statement of interrupted thread {} failed: {}", thread.getName(), e.toString());
            }
        }
        LOG.debug("Cancelled the statements of interrupted thread {}", thread.getName());
    }
}
