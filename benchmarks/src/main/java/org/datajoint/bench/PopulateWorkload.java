package org.datajoint.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.PopulateOptions;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.tck.servers.TestServer;

/**
 * populate() with a make that fetches one row and inserts one, with and without job reservation,
 * beside a hand-written minimal sequence per key; parallel workers on a make that waits; and a
 * refresh of the jobs queue beside one hand-written INSERT ... SELECT anti-join.
 */
final class PopulateWorkload {

    record Result(int keys, double directNanos, double jobsNanos, double rawNanos, double directStatementsPerKey,
            double jobsStatementsPerKey, int rawStatementsPerKey, long directFixed, long jobsFixed, int rawFixed,
            double oneWorkerNanos, double eightWorkersNanos,
            int waitKeys, int duplicateCalls, int refreshKeys, double refreshNanos, double refreshRawNanos) {
    }

    private static final String SCHEMA = "bench_populate";

    private PopulateWorkload() {
    }

    static Result run(TestServer s, boolean quick) throws Exception {
        int keys = quick ? 2_000 : 10_000;
        int waitKeys = quick ? 96 : 160;
        int refreshKeys = quick ? 20_000 : 100_000;
        int repetitions = quick ? 2 : 3;
        try (Instance inst = Servers.builder(s).set("safemode", false).build(); Connection raw = Servers.rawJdbc(s)) {
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
            Schema schema = inst.schema(SCHEMA);
            Table source = schema.manual("Source", "id : int32\n---\nvalue : float64\n");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < Math.max(keys, refreshKeys); i++) {
                rows.add(Map.of("id", i, "value", i * 0.5));
            }
            source.insert(rows.subList(0, keys));
            Table result = schema.computed("Result", "-> Source\n---\ndoubled : float64\n", ctx -> {
                double v = ((Number) source.restrict(ctx.key()).fetch1("value").get("value")).doubleValue();
                ctx.insert1(ctx.key().with("doubled", 2 * v));
            });
            String src = source.fullTableName();
            Table handResult = schema.manual("HandResult", "-> Source\n---\ndoubled : float64\n");
            Table handQueue = schema.computed("Hand", "-> Source\n").jobs().table();
            String rawJobs = handQueue.fullTableName();
            String rawResult = handResult.fullTableName();
            long[] direct = new long[repetitions];
            long[] jobs = new long[repetitions];
            long[] hand = new long[repetitions];
            double directPerKey = 0;
            double jobsPerKey = 0;
            long directFixed = 0;
            long jobsFixed = 0;
            for (int r = -1; r < repetitions; r++) {
                result.deleteQuick();
                long before = inst.connection().statementCount();
                long t0 = System.nanoTime();
                result.populate();
                long t1 = System.nanoTime();
                long direct0 = inst.connection().statementCount() - before;
                directFixed = statements(inst, () -> result.populate());
                directPerKey = (direct0 - directFixed) / (double) keys;
                result.deleteQuick();
                before = inst.connection().statementCount();
                long t2 = System.nanoTime();
                result.populate(PopulateOptions.defaults().reserveJobs(true));
                long t3 = System.nanoTime();
                long jobs0 = inst.connection().statementCount() - before;
                jobsFixed = statements(inst, () -> result.populate(PopulateOptions.defaults().reserveJobs(true)));
                jobsPerKey = (jobs0 - jobsFixed) / (double) keys;
                long handNanos = handWritten(raw, src, rawJobs, rawResult, keys);
                if (r >= 0) {
                    direct[r] = t1 - t0;
                    jobs[r] = t3 - t2;
                    hand[r] = handNanos;
                }
            }
            Map<Object, AtomicInteger> calls = new ConcurrentHashMap<>();
            Table waiting = schema.computed("Waiting", "-> Source\n", ctx -> {
                calls.computeIfAbsent(ctx.key().get("id"), k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(20);
                ctx.insert1(ctx.key());
            }).withKeySource(source.restrict("id < " + waitKeys));
            waiting.populate(PopulateOptions.defaults().reserveJobs(true).workers(8));
            waiting.deleteQuick();
            calls.clear();
            long w0 = System.nanoTime();
            waiting.populate(PopulateOptions.defaults().reserveJobs(true));
            long w1 = System.nanoTime();
            waiting.deleteQuick();
            long w2 = System.nanoTime();
            waiting.populate(PopulateOptions.defaults().reserveJobs(true).workers(8));
            long w3 = System.nanoTime();
            int duplicates = calls.values().stream().mapToInt(c -> c.get() - 2).map(Math::abs).sum();

            source.insert(rows.subList(keys, refreshKeys));
            Table big = schema.computed("Big", "-> Source\n---\nx = null : int32\n", ctx -> ctx.insert1(ctx.key()));
            big.jobs().table();
            String bigQueue = schema.computed("BigHand", "-> Source\n").jobs().table().fullTableName();
            long[] refresh = new long[repetitions];
            long[] refreshRaw = new long[repetitions];
            for (int r = -1; r < repetitions; r++) {
                big.jobs().table().deleteQuick();
                long t0 = System.nanoTime();
                big.jobs().refresh();
                long t1 = System.nanoTime();
                try (Statement st = raw.createStatement()) {
                    st.execute("DELETE FROM " + bigQueue);
                    long t2 = System.nanoTime();
                    st.executeUpdate("INSERT INTO " + bigQueue + " (id, status, priority, created_time, scheduled_time)"
                            + " SELECT id, 'pending', 5, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3) FROM " + src
                            + " WHERE id NOT IN (SELECT id FROM " + big.fullTableName() + ") AND id NOT IN"
                            + " (SELECT id FROM " + bigQueue + ")");
                    long t3 = System.nanoTime();
                    if (r >= 0) {
                        refresh[r] = t1 - t0;
                        refreshRaw[r] = t3 - t2;
                    }
                }
            }
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
            return new Result(keys, Stats.median(direct), Stats.median(jobs), Stats.median(hand), directPerKey,
                    jobsPerKey, 4, directFixed, jobsFixed, 1, w1 - w0, w3 - w2, waitKeys, duplicates, refreshKeys, Stats.median(refresh),
                    Stats.median(refreshRaw));
        }
    }

    /** Statements one call makes when nothing is pending: what a populate costs besides its keys. */
    private static long statements(Instance inst, Runnable call) {
        long before = inst.connection().statementCount();
        call.run();
        return inst.connection().statementCount() - before;
    }

    /**
     * Fill the queue with one INSERT ... SELECT, then per key on one tuned JDBC connection: reserve,
     * begin, read, insert, commit, clear the job.
     */
    private static long handWritten(Connection c, String source, String jobs, String result, int keys)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + result);
            st.execute("DELETE FROM " + jobs);
        }
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + jobs + " (id, status, priority, created_time, scheduled_time) SELECT id,"
                    + " 'pending', 5, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3) FROM " + source);
        }
        try (PreparedStatement reserve = c.prepareStatement("UPDATE " + jobs + " SET status = 'reserved',"
                + " reserved_time = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'pending'");
                PreparedStatement read = c.prepareStatement("SELECT value FROM " + source + " WHERE id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + result + " (id, doubled) VALUES (?, ?)");
                PreparedStatement clear = c.prepareStatement("DELETE FROM " + jobs + " WHERE id = ?")) {
            for (int id = 0; id < keys; id++) {
                reserve.setInt(1, id);
                if (reserve.executeUpdate() != 1) {
                    continue;
                }
                c.setAutoCommit(false);
                read.setInt(1, id);
                double v;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    v = rs.getDouble(1);
                }
                insert.setInt(1, id);
                insert.setDouble(2, 2 * v);
                insert.executeUpdate();
                c.commit();
                c.setAutoCommit(true);
                clear.setInt(1, id);
                clear.executeUpdate();
            }
        }
        return System.nanoTime() - t0;
    }
}
