package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.Key;
import org.datajoint.Make;
import org.datajoint.Match;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Progress;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.engine.internal.Dependencies.Edge;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AutoPopulate: key sources, pending keys, make calls in transactions, workers and the jobs queue. */
final class Populator {

    private static final Logger LOG = LoggerFactory.getLogger(Populator.class);

    /** What an instance knows of how to fill a table. */
    record Spec(Make make, QueryImpl keySource) {
    }

    /** Thrown inside a make's transaction when the key turned out to be computed already. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip() {
            super("skip", null, false, false);
        }
    }

    private final TableImpl table;
    private final Spec spec;
    private final PopulateOptions options;
    private final JobsImpl jobs;
    private final AtomicLong success = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong skips = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final List<PopulateResult.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile RuntimeException firstError;

    private Populator(TableImpl table, Spec spec, PopulateOptions options) {
        this.table = table;
        this.spec = spec;
        this.options = options;
        this.jobs = options.isReserveJobs() ? (JobsImpl) table.jobs() : null;
    }

    static TableImpl register(TableImpl table, Make make) {
        Objects.requireNonNull(make, "make");
        table.instance().populators().merge(table.node(), new Spec(make, null),
                (old, fresh) -> new Spec(make, old.keySource()));
        return table;
    }

    static TableImpl registerKeySource(TableImpl table, QueryExpression source) {
        QueryImpl q = QueryImpl.of(source);
        table.instance().populators().merge(table.node(), new Spec(null, q), (old, fresh) -> new Spec(old.make(), q));
        return table;
    }

    /** The keys of the key source: the registered one cut down to its primary key, else the default. */
    static QueryImpl keySource(TableImpl table) {
        return todo(table);
    }

    /**
     * The keys to compute, restricted: the key source restricted first (so that restrictions may
     * name its secondary attributes), then projected to its primary key, as DataJoint's
     * {@code (key_source & restrictions).proj()}.
     */
    static QueryImpl todo(TableImpl table, Object... restrictions) {
        Spec spec = table.instance().populators().get(table.node());
        if (spec == null || spec.keySource() == null) {
            return restrictAll(defaultKeySource(table), restrictions);
        }
        QueryImpl source = spec.keySource();
        List<String> names = table.heading().names();
        for (String k : source.qheading().primaryKey()) {
            if (!names.contains(k)) {
                throw new DataJointException("The key source of " + table.className() + " has the primary-key"
                        + " attribute '" + k + "', which " + table.className() + " lacks; give it a key source whose"
                        + " primary key is made of " + table.className() + "'s attributes");
            }
        }
        return Projection.apply(restrictAll(source, restrictions), Proj.key());
    }

    /** The join of the primary-key parents projected to their keys. */
    private static QueryImpl defaultKeySource(TableImpl table) {
        table.catalogTable();
        QueryImpl source = null;
        for (Edge e : table.instance().catalog().dependencies().foreignKeys(table.node())) {
            if (!e.foreignKey().primary()) {
                continue;
            }
            QueryImpl parent = new TableImpl(table.instance(), e.parent().schema(), e.parent().table());
            if (e.foreignKey().renamed()) {
                Proj p = Proj.key();
                for (Map.Entry<String, String> m : e.foreignKey().attributes().entrySet()) {
                    if (!m.getKey().equals(m.getValue())) {
                        p = p.rename(m.getKey(), m.getValue());
                    }
                }
                parent = Projection.apply(parent, p);
            } else {
                parent = Projection.apply(parent, Proj.key());
            }
            source = source == null ? parent : source.joined(parent, Match.SEMANTIC, false, false);
        }
        if (source == null) {
            throw new DataJointException(table.className() + " has no foreign key in its primary key, so it has no"
                    + " default key source; give it one with withKeySource(...)");
        }
        return Projection.apply(source, Proj.key());
    }

    static QueryImpl restrictAll(QueryImpl q, Object... restrictions) {
        QueryImpl out = q;
        for (Object r : restrictions) {
            out = out.restricted(r, Match.SEMANTIC);
        }
        return out;
    }

    static Progress progress(TableImpl table, Object... restrictions) {
        refuseRestricted(table, "progress");
        QueryImpl source = todo(table, restrictions);
        QueryImpl remaining = source.restricted(org.datajoint.Cond.not(table), Match.NATURAL);
        long[] counts = DiagramDeletes.counts(table.connection(), List.of(remaining, source));
        return new Progress(counts[0], counts[1]);
    }

    static PopulateResult populate(TableImpl table, PopulateOptions options, Object... restrictions) {
        refuseRestricted(table, "populate");
        if (table.connection().inTransaction()) {
            throw new DataJointException("populate of " + table.className() + " cannot run inside a transaction:"
                    + " each make runs in a transaction of its own; call populate outside connection().transaction(...)");
        }
        Spec spec = table.instance().populators().get(table.node());
        if (spec == null || spec.make() == null) {
            throw new DataJointException(table.className() + " has no make; declare it with schema.computed(name,"
                    + " definition, make) or schema.imported(name, definition, make) in this instance");
        }
        return new Populator(table, spec, options).run(restrictions);
    }

    private static void refuseRestricted(TableImpl table, String method) {
        if (!table.restriction.isEmpty()) {
            throw new DataJointException("Cannot call " + method + " on a restricted table " + table.className()
                    + "; pass the restriction as an argument instead: table." + method + "(restriction)");
        }
    }

    private PopulateResult run(Object... restrictions) {
        List<Map<String, Object>> keys = candidates(restrictions);
        switch (options.order()) {
            case REVERSE -> Collections.reverse(keys);
            case RANDOM -> Collections.shuffle(keys);
            default -> {
            }
        }
        long planned = Math.min(keys.size(), options.maxCalls());
        ProgressDisplay display = options.isDisplay() ? new ProgressDisplay(LOG, table.className(), planned) : null;
        ConcurrentLinkedQueue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>(keys);
        int workers = (int) Math.max(1, Math.min(options.workers(), planned));
        if (workers == 1) {
            work(queue, display);
        } else {
            table.connection().ensurePoolSize(workers);
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "datajoint-populate-" + table.tableName());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    running.add(pool.submit(() -> work(queue, display)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataJointException("populate of " + table.className() + " was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new DataJointException("a populate worker of " + table.className() + " failed: " + e.getCause(),
                        e.getCause());
            } finally {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (display != null) {
            display.finish();
        }
        if (firstError != null) {
            throw firstError;
        }
        return new PopulateResult(success.get(), errors.get(), skips.get(), failures);
    }

    private List<Map<String, Object>> candidates(Object... restrictions) {
        if (jobs == null) {
            QueryImpl pending = todo(table, restrictions).restricted(org.datajoint.Cond.not(table), Match.NATURAL);
            return new ArrayList<>(pending.orderBy("KEY").keys());
        }
        Boolean refresh = options.refresh();
        if (refresh == null ? table.connection().config().getBoolean("jobs.auto_refresh") : refresh) {
            jobs.refresh(java.time.Duration.ZERO, options.priority(), options.orphanTimeout(), restrictions);
        }
        QueryImpl pending = jobs.queue().restricted(Map.of("status", "pending"), Match.NATURAL)
                .restricted("scheduled_time <= " + JobsImpl.NOW, Match.NATURAL);
        if (options.priority() != null) {
            pending = pending.restricted("priority <= " + options.priority(), Match.NATURAL);
        }
        if (restrictions.length > 0) {
            pending = pending.restricted(todo(table, restrictions), Match.NATURAL);
        }
        List<String> key = table.qheading().primaryKey();
        QueryImpl ordered = (QueryImpl) pending.orderBy("priority", "scheduled_time", "KEY");
        return new ArrayList<>(Rows.fetch(table.connection(), ordered.statement(key)));
    }

    private void work(ConcurrentLinkedQueue<Map<String, Object>> queue, ProgressDisplay display) {
        Map<String, Object> key;
        while (!stop.get() && (key = queue.poll()) != null) {
            if (calls.incrementAndGet() > options.maxCalls()) {
                stop.set(true);
                break;
            }
            if (jobs != null && !jobs.reserve(key)) {
                calls.decrementAndGet();
                continue;
            }
            one(Key.of(key));
            if (display != null) {
                display.step();
            }
        }
    }

    /** A checked exception of the user's make, carried through the transaction unwrapped. */
    private static final class Checked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Checked(Exception cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /** A step of the user's make. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T user(Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Checked(e);
        }
    }

    /** Computes one key in its own transaction, recording the outcome. */
    private void one(Key key) {
        ConnectionImpl connection = table.connection();
        long start = System.nanoTime();
        java.time.LocalDateTime started = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        try {
            Make.ThreePhaseMake<Object, Object> phased = phased(spec.make());
            Object fetched = phased == null ? null : user(() -> phased.fetch().fetch(new MakeContextImpl(table, key)));
            Object result = phased == null ? null : user(() -> phased.compute().compute(key, fetched));
            connection.ownTransaction(tx -> {
                if (jobs == null && table.restricted(key, Match.NATURAL).exists()) {
                    throw new Skip();
                }
                MakeContextImpl ctx = new MakeContextImpl(table, key);
                if (phased == null) {
                    user(() -> {
                        spec.make().make(ctx);
                        return null;
                    });
                } else {
                    Object again = user(() -> phased.fetch().fetch(ctx));
                    if (!Objects.deepEquals(normalize(again), normalize(fetched))) {
                        throw new DataJointException("The inputs of " + table.className() + " " + key + " changed while"
                                + " it was computed; nothing was inserted. Populate it again");
                    }
                    user(() -> {
                        phased.insert().insert(ctx, result);
                        return null;
                    });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                recordMetadata(key, started, seconds);
                if (jobs != null) {
                    jobs.complete(key, seconds);
                }
                return null;
            });
            success.incrementAndGet();
        } catch (Skip s) {
            skips.incrementAndGet();
        } catch (DuplicateKeyException e) {
            if (jobs != null && table.restricted(key, Match.NATURAL).exists()) {
                skips.incrementAndGet();
                jobs.complete(key, 0);
            } else {
                failed(key, e, start);
            }
        } catch (Checked e) {
            failed(key, e.getCause(), start);
        } catch (Exception | Error e) {
            failed(key, e, start);
        }
    }

    @SuppressWarnings("unchecked")
    private static Make.ThreePhaseMake<Object, Object> phased(Make make) {
        return make instanceof Make.ThreePhaseMake<?, ?> p ? (Make.ThreePhaseMake<Object, Object>) p : null;
    }

    /** Arrays compare by content, also inside maps and lists. */
    private static Object normalize(Object o) {
        if (o instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Populator::normalize).toList();
        }
        return o;
    }

    private void failed(Key key, Throwable e, long start) {
        errors.incrementAndGet();
        LOG.warn("make of {} {} failed: {}", table.className(), key, e.toString());
        if (jobs != null) {
            jobs.error(key, e, (System.nanoTime() - start) / 1e9);
        }
        String message = JobsImpl.describe(e);
        failures.add(new PopulateResult.Failure(key, message, e));
        if (!options.isSuppressErrors()) {
            stop.set(true);
            if (firstError == null) {
                firstError = e instanceof DataJointException d ? d
                        : new DataJointException("make of " + table.className() + " " + key + " failed: " + message, e);
            }
        }
    }

    private void recordMetadata(Key key, java.time.LocalDateTime started, double seconds) {
        if (!table.heading().allAttributes().stream().anyMatch(a -> a.name().equals("_job_start_time"))) {
            return;
        }
        ConnectionImpl c = table.connection();
        var update = c.serverRenderer().update(DSL.table(DSL.name(table.schemaName(), table.tableName())))
                .set(DSL.field(DSL.name("_job_start_time")), (Object) c.dialect().bindValue(
                        new org.datajoint.engine.spi.CoreType("datetime", List.of("3")), started))
                .set(DSL.field(DSL.name("_job_duration")), (Object) seconds)
                .set(DSL.field(DSL.name("_job_version")), (Object) JobsImpl.version(c))
                .where(DSL.and(table.qheading().primaryKey().stream()
                        .map(k -> DSL.field(DSL.name(k)).eq(table.bound(k, key.get(k)))).toList()));
        c.execute(update.getSQL(org.jooq.conf.ParamType.INDEXED), update.getBindValues().toArray());
    }
}
