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
import org.datajoint.InsertOptions;
import org.datajoint.Key;
import org.datajoint.Make;
import org.datajoint.MakeContext;
import org.datajoint.Match;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Progress;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Table;
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

    /** The registered key source, else the join of the primary-key parents projected to their keys. */
    static QueryImpl keySource(TableImpl table) {
        Spec spec = table.instance().populators().get(table.node());
        if (spec != null && spec.keySource() != null) {
            return spec.keySource();
        }
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
        QueryImpl source = restrictAll(keySource(table), restrictions);
        QueryImpl remaining = source.restricted(org.datajoint.Cond.not(table), Match.NATURAL);
        long[] counts = DiagramDeletes.counts(table.connection(), List.of(remaining, source));
        return new Progress(counts[0], counts[1]);
    }

    static PopulateResult populate(TableImpl table, PopulateOptions options, Object... restrictions) {
        Spec spec = table.instance().populators().get(table.node());
        if (spec == null || spec.make() == null) {
            throw new DataJointException(table.className() + " has no make; declare it with schema.computed(name,"
                    + " definition, make) or schema.imported(name, definition, make) in this instance");
        }
        return new Populator(table, spec, options).run(restrictions);
    }

    private PopulateResult run(Object... restrictions) {
        List<Map<String, Object>> keys = candidates(restrictions);
        switch (options.order()) {
            case REVERSE -> Collections.reverse(keys);
            case RANDOM -> Collections.shuffle(keys);
            default -> {
            }
        }
        ProgressDisplay display = options.isDisplay() ? new ProgressDisplay(table.className(), keys.size()) : null;
        ConcurrentLinkedQueue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>(keys);
        if (options.workers() == 1) {
            work(queue, display);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
                Thread t = new Thread(r, "datajoint-populate-" + table.tableName());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < options.workers(); i++) {
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
            QueryImpl pending = restrictAll(keySource(table), restrictions)
                    .restricted(org.datajoint.Cond.not(table), Match.NATURAL);
            return new ArrayList<>(pending.orderBy("KEY").keys());
        }
        Boolean refresh = options.refresh();
        if (refresh == null ? table.connection().config().getBoolean("jobs.auto_refresh") : refresh) {
            jobs.refresh(java.time.Duration.ZERO, null, options.orphanTimeout(), restrictions);
        }
        QueryImpl pending = jobs.queue().restricted(Map.of("status", "pending"), Match.NATURAL)
                .restricted("scheduled_time <= " + JobsImpl.NOW, Match.NATURAL);
        if (options.priority() != null) {
            pending = pending.restricted("priority <= " + options.priority(), Match.NATURAL);
        }
        for (Object r : restrictions) {
            pending = pending.restricted(r, Match.NATURAL);
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

    /** Computes one key in its own transaction, recording the outcome. */
    private void one(Key key) {
        ConnectionImpl connection = table.connection();
        long start = System.nanoTime();
        java.time.LocalDateTime started = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        try {
            Object inputs = null;
            Make.ThreePhaseMake<Object, Object> phased = phased(spec.make());
            Object computed = null;
            if (phased != null) {
                inputs = phased.fetch().fetch(new Context(table, key));
                computed = phased.compute().compute(key, inputs);
            }
            Object fetched = inputs;
            Object result = computed;
            connection.ownTransaction(tx -> {
                if (jobs == null && table.restricted(key, Match.NATURAL).exists()) {
                    throw new Skip();
                }
                Context ctx = new Context(table, key);
                if (phased == null) {
                    spec.make().make(ctx);
                } else {
                    Object again = phased.fetch().fetch(ctx);
                    if (!Objects.deepEquals(normalize(again), normalize(fetched))) {
                        throw new DataJointException("The inputs of " + table.className() + " " + key + " changed while"
                                + " it was computed; nothing was inserted. Populate it again");
                    }
                    phased.insert().insert(ctx, result);
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
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
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

    /** The context of one make call; inserts into the table and its parts are allowed. */
    private static final class Context implements MakeContext {
        private final TableImpl table;
        private final Key key;

        Context(TableImpl table, Key key) {
            this.table = table;
            this.key = key;
        }

        @Override
        public Key key() {
            return key;
        }

        @Override
        public Table table() {
            return table;
        }

        @Override
        public void insert1(Object row) {
            insert(List.of(row));
        }

        @Override
        public void insert(Iterable<?> rows) {
            table.insert(rows, InsertOptions.defaults().withAllowDirectInsert());
        }

        @Override
        public PartInserter part(String name) {
            Table part = table.parts().stream().filter(p -> p.className().endsWith("." + name)
                    || p.tableName().equals(name)).findFirst().orElseThrow(() -> new DataJointException(
                    table.className() + " has no part '" + name + "'; its parts are "
                            + table.parts().stream().map(Table::className).toList()));
            return new PartInserter() {
                @Override
                public void insert1(Object row) {
                    insert(List.of(row));
                }

                @Override
                public void insert(Iterable<?> rows) {
                    part.insert(rows, InsertOptions.defaults().withAllowDirectInsert());
                }
            };
        }
    }

    /** A progress bar on a terminal, log lines every tenth otherwise. */
    private static final class ProgressDisplay {
        private final String name;
        private final long total;
        private final boolean terminal = System.console() != null;
        private final AtomicLong done = new AtomicLong();
        private final long startNanos = System.nanoTime();

        ProgressDisplay(String name, long total) {
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
                LOG.info("{}: {}/{} ({}%)", name, d, total, 100 * d / total);
            }
        }

        void finish() {
            if (terminal) {
                System.console().writer().println();
            }
        }
    }
}
