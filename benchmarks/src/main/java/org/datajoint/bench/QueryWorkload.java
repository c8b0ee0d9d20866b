package org.datajoint.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.tck.servers.TestServer;

/**
 * A Subject, Session, Trial pipeline of 100,000 trials: {@code fetch1} by primary key on a
 * restricted three-way join beside a cached hand-written prepared statement, and restriction, join
 * and aggregation queries beside the same SQL written by hand, each read into maps.
 */
final class QueryWorkload {

    /**
     * One query's medians, each call after a short idle time; and, for a short query, back to back
     * ({@code NaN} when not measured).
     */
    record Timing(String name, int rows, double oursNanos, double handNanos, double backToBackOursNanos,
            double backToBackHandNanos) {
    }

    record Result(int calls, double fetch1Nanos, double handFetch1Nanos, List<Timing> queries) {
    }

    static final String SCHEMA = "bench_query";
    static final String SUBJECT = "subject_id : int32\n---\nspecies : varchar(16)\n";
    static final String SESSION = "-> Subject\nsession_id : int32\n---\nsession_date : date\n";
    static final String TRIAL = "-> Session\ntrial_id : int32\n---\noutcome : varchar(8)\nrt : float64\n";
    private static final int SUBJECTS = 100;
    private static final int SESSIONS = 10;
    private static final int TRIALS = 100;

    private QueryWorkload() {
    }

    static Result run(TestServer s, boolean quick) throws Exception {
        int calls = quick ? 10_000 : 100_000;
        int repetitions = quick ? 5 : 15;
        int shortRepetitions = quick ? 41 : 201;
        try (Instance inst = Servers.builder(s).set("safemode", false).build(); Connection raw = Servers.rawJdbc(s)) {
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
            Schema schema = inst.schema(SCHEMA);
            Table subject = schema.manual("Subject", SUBJECT);
            Table session = schema.manual("Session", SESSION);
            Table trial = schema.manual("Trial", TRIAL);
            fill(subject, session, trial);
            String sj = subject.fullTableName();
            String se = session.fullTableName();
            String tr = trial.fullTableName();
            double[] fetch1 = fetch1(subject, session, trial, raw, "SELECT subject_id, species, session_id,"
                    + " session_date, trial_id, outcome, rt FROM " + sj + " JOIN " + se + " USING (subject_id) JOIN "
                    + tr + " USING (subject_id, session_id) WHERE subject_id = ? AND session_id = ? AND trial_id = ?",
                    calls);
            List<Timing> queries = new ArrayList<>();
            queries.add(compare("restriction: trials of one subject with outcome 'hit'", shortRepetitions, true,
                    () -> trial.restrict("outcome = 'hit'").restrict(Map.of("subject_id", 7)).toDicts(),
                    raw, "SELECT subject_id, session_id, trial_id, outcome, rt FROM " + tr
                            + " WHERE outcome = 'hit' AND subject_id = ?", 7));
            queries.add(compare("join: Subject * Session * Trial for species 'rat' (50,000 rows)", repetitions, false,
                    () -> subject.restrict("species = 'rat'").join(session).join(trial).toDicts(),
                    raw, "SELECT subject_id, species, session_id, session_date, trial_id, outcome, rt FROM " + sj
                            + " JOIN " + se + " USING (subject_id) JOIN " + tr + " USING (subject_id, session_id)"
                            + " WHERE species = ?", "rat"));
            queries.add(compare("aggregation: trials and mean rt per session (1,000 rows)", shortRepetitions / 4, false,
                    () -> session.aggr(trial, Map.of("n", "count(*)", "mean_rt", "avg(rt)")).toDicts(),
                    raw, "SELECT subject_id, session_id, session_date, count(*) AS n, avg(rt) AS mean_rt FROM " + se
                            + " JOIN " + tr + " USING (subject_id, session_id)"
                            + " GROUP BY subject_id, session_id, session_date", null));
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
            return new Result(calls, fetch1[0], fetch1[1], queries);
        }
    }

    private static void fill(Table subject, Table session, Table trial) {
        List<Map<String, Object>> subjects = new ArrayList<>();
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int a = 0; a < SUBJECTS; a++) {
            subjects.add(Map.of("subject_id", a, "species", a % 2 == 0 ? "mouse" : "rat"));
            for (int b = 0; b < SESSIONS; b++) {
                sessions.add(Map.of("subject_id", a, "session_id", b, "session_date",
                        LocalDate.of(2024, 1, 1).plusDays(b)));
                for (int c = 0; c < TRIALS; c++) {
                    trials.add(Map.of("subject_id", a, "session_id", b, "trial_id", c,
                            "outcome", c % 3 == 0 ? "hit" : "miss", "rt", 0.2 + c / 1000.0));
                }
            }
        }
        subject.insert(subjects);
        session.insert(sessions);
        trial.insert(trials);
    }

    /** Calls per block: each side runs a whole block at a time, never one call right after the other's. */
    private static final int BLOCK = 1_000;

    /**
     * Idle time after each block, so that every block starts from the same machine state: on a
     * virtual machine, a second or so of uninterrupted round trips switches into a regime where
     * every round trip costs three to five times as much, whichever side runs.
     */
    private static final long PAUSE_MILLIS = 50;

    /**
     * Median nanoseconds per call: ours, then hand-written. The sides run in alternating blocks
     * (ours, hand, hand, ours, ...), after one warm-up round. Calls are not interleaved one by one:
     * on this kind of machine the second of two back-to-back round trips is 20 to 35 µs faster,
     * whichever side it belongs to, which would favour the side that goes second. Each block is
     * followed by a {@linkplain #PAUSE_MILLIS pause}: a median over a mix of two regimes says more
     * about the mix than about the sides.
     */
    private static double[] fetch1(Table subject, Table session, Table trial, Connection raw, String sql, int calls)
            throws SQLException {
        long[] ours = new long[calls];
        long[] hand = new long[calls];
        try (PreparedStatement ps = raw.prepareStatement(sql)) {
            for (int round = 0; round < 2; round++) {
                for (int block = 0; block < calls / BLOCK; block++) {
                    boolean oursFirst = block % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        boolean isOurs = (side == 0) == oursFirst;
                        for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                            if (isOurs) {
                                ours[i] = oursCall(subject, session, trial, i);
                            } else {
                                hand[i] = handCall(ps, i);
                            }
                        }
                        pause(PAUSE_MILLIS);
                    }
                }
            }
        }
        return new double[] {Stats.median(ours), Stats.median(hand)};
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between blocks", e);
        }
    }

    private static int[] key(int i) {
        return new int[] {i % SUBJECTS, (i / SUBJECTS) % SESSIONS, (i / (SUBJECTS * SESSIONS)) % TRIALS};
    }

    private static long oursCall(Table subject, Table session, Table trial, int i) {
        int[] k = key(i);
        long t0 = System.nanoTime();
        Map<String, Object> row = threeWayJoin(subject, session, trial, k[0], k[1], k[2]).fetch1();
        long t1 = System.nanoTime();
        expect(i, row);
        return t1 - t0;
    }

    private static long handCall(PreparedStatement ps, int i) throws SQLException {
        int[] k = key(i);
        long t0 = System.nanoTime();
        ps.setInt(1, k[0]);
        ps.setInt(2, k[1]);
        ps.setInt(3, k[2]);
        Map<String, Object> row;
        try (ResultSet rs = ps.executeQuery()) {
            row = rs.next() ? trialRow(rs) : null;
        }
        long t1 = System.nanoTime();
        expect(i, row);
        return t1 - t0;
    }

    /** Both sides must return the row that {@link #fill} stored for call {@code i}. */
    private static void expect(int i, Map<String, Object> row) {
        int trialId = key(i)[2];
        if (row == null || !row.get("outcome").equals(trialId % 3 == 0 ? "hit" : "miss")) {
            throw new IllegalStateException("call " + i + " read the wrong row: " + row);
        }
    }

    private static Map<String, Object> trialRow(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(10);
        m.put("subject_id", rs.getInt(1));
        m.put("species", rs.getString(2));
        m.put("session_id", rs.getInt(3));
        m.put("session_date", rs.getObject(4, LocalDate.class));
        m.put("trial_id", rs.getInt(5));
        m.put("outcome", rs.getString(6));
        m.put("rt", rs.getDouble(7));
        return m;
    }

    /**
     * How long both sides run, alternately and untimed, before timing: long enough for the JIT
     * to compile both (a short query's own code is otherwise still interpreted after a few
     * hundred runs, which costs ten to fifty times the compiled code), and at least 30 runs each.
     */
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    /**
     * Runs both sides alternately, each going first in every other repetition, after a {@linkplain
     * #warmUp warm-up}, and checks they return as many rows. Each run starts after
     * the same short pause, so that neither side inherits the other's warm caches (the second of
     * two back-to-back runs of a short query is faster, whichever side it is), nor a regime change
     * ({@link #PAUSE_MILLIS}). With {@code backToBack}, the same repetitions then run again without
     * the pauses: the figure for a loop of queries, where each call finds the code and data of the
     * previous one still in the caches.
     */
    private static Timing compare(String name, int repetitions, boolean backToBack,
            Supplier<List<Map<String, Object>>> ours, Connection raw, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement(sql)) {
            HandWork hand = () -> handRows(ps, parameter);
            warmUp(ours, hand);
            long[][] paused = alternate(name, repetitions, PAUSE_MILLIS / 10, ours, hand);
            long[][] loop = backToBack ? alternate(name, repetitions, 0, ours, hand) : null;
            return new Timing(name, ours.get().size(), Stats.median(paused[0]), Stats.median(paused[1]),
                    loop == null ? Double.NaN : Stats.median(loop[0]), loop == null ? Double.NaN : Stats.median(loop[1]));
        }
    }

    /** Nanoseconds of each call, ours then by hand, each side first in every other repetition. */
    private static long[][] alternate(String name, int repetitions, long pauseMillis,
            Supplier<List<Map<String, Object>>> ours, HandWork hand) throws SQLException {
        long[][] nanos = new long[2][repetitions];
        for (int r = 0; r < repetitions; r++) {
            int rows = -1;
            int handRows = -2;
            for (int side = 0; side < 2; side++) {
                if (pauseMillis > 0) {
                    pause(pauseMillis);
                }
                long t0 = System.nanoTime();
                if ((side == 0) == (r % 2 == 0)) {
                    rows = ours.get().size();
                    nanos[0][r] = System.nanoTime() - t0;
                } else {
                    handRows = hand.run().size();
                    nanos[1][r] = System.nanoTime() - t0;
                }
            }
            if (rows != handRows) {
                throw new IllegalStateException(name + ": " + rows + " rows, by hand " + handRows);
            }
        }
        return nanos;
    }

    /** Work that reads rows by hand. */
    private interface HandWork {
        List<Map<String, Object>> run() throws SQLException;
    }

    private static void warmUp(Supplier<List<Map<String, Object>>> ours, HandWork hand) throws SQLException {
        long start = System.nanoTime();
        for (int r = 0; r < 30 || System.nanoTime() - start < WARM_UP_NANOS; r++) {
            ours.get();
            hand.run();
        }
    }

    /** Rows as maps, each value read with the getter of its column's type. */
    private static List<Map<String, Object>> handRows(PreparedStatement ps, Object parameter) throws SQLException {
        if (parameter != null) {
            ps.setObject(1, parameter);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            var meta = rs.getMetaData();
            int n = meta.getColumnCount();
            String[] labels = new String[n];
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = meta.getColumnLabel(i + 1);
                types[i] = meta.getColumnType(i + 1);
            }
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    m.put(labels[i], read(rs, i + 1, types[i]));
                }
                out.add(m);
            }
        }
        return out;
    }

    private static Object read(ResultSet rs, int i, int type) throws SQLException {
        return switch (type) {
            case java.sql.Types.INTEGER -> rs.getInt(i);
            case java.sql.Types.BIGINT -> rs.getLong(i);
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT -> rs.getDouble(i);
            case java.sql.Types.DATE -> rs.getObject(i, LocalDate.class);
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> rs.getBigDecimal(i);
            default -> rs.getString(i);
        };
    }

    /** The expression {@link RenderBenchmark} renders; the same one {@link #run} fetches. */
    static QueryExpression threeWayJoin(Table subject, Table session, Table trial, int a, int b, int c) {
        return subject.join(session).join(trial).restrict(Map.of("subject_id", a, "session_id", b, "trial_id", c));
    }
}
