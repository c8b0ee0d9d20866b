package org.datajoint.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.tck.servers.TestServer;

/**
 * Cascade delete on a pipeline of 25 tables 6 levels deep with part tables, beside a hand-written
 * transaction of leaf-first DELETE statements with the same restrictions. Warm deletes run on the
 * instance that declared the pipeline, whose metadata the warm-up repetitions have loaded; cold
 * ones on a new instance that has only opened the root table.
 */
final class CascadeWorkload {

    /** Medians and statement counts. */
    record Result(double coldNanos, double warmNanos, double rawNanos, long coldExtra, long warmExtra,
            long previewStatements, double manyNanos, double manyRawNanos, long rowsPerSubject, int tables,
            long openStatements, double manyColdNanos, long manyColdExtra, long manyWarmExtra) {
    }

    private static final String SCHEMA = "bench_cascade";
    /** name, parent (null for the root), fan-out per parent row, whether a part of its parent. */
    private static final Object[][] TABLES = {
        {"Subject", null, 1, false},
        {"A1", "Subject", 10, false}, {"A2", "Subject", 10, false}, {"A3", "Subject", 10, false},
        {"A4", "Subject", 10, false},
        {"B1", "A1", 10, true}, {"B2", "A1", 10, true}, {"B3", "A2", 10, true}, {"B4", "A3", 10, false},
        {"B5", "A4", 10, false}, {"B6", "A3", 10, false},
        {"C1", "B1", 3, false}, {"C2", "B2", 3, false}, {"C3", "B3", 3, false}, {"C4", "B4", 3, false},
        {"C5", "B5", 3, false}, {"C6", "B6", 3, false},
        {"D1", "C1", 2, false}, {"D2", "C2", 2, false}, {"D3", "C3", 2, false}, {"D4", "C4", 2, false},
        {"D5", "C5", 2, false},
        {"E1", "D1", 2, false}, {"E2", "D2", 2, false}, {"E3", "D4", 2, false},
    };

    private CascadeWorkload() {
    }

    /** The time a delete took and the statements it sent. */
    private record Timed(long nanos, long statements) {
    }

    private static Timed timedDelete(Instance inst, Table restricted) {
        long before = inst.connection().statementCount();
        long t0 = System.nanoTime();
        restricted.delete(DeleteOptions.noPrompt());
        long t1 = System.nanoTime();
        return new Timed(t1 - t0, inst.connection().statementCount() - before);
    }

    /** One timed side of a repetition. */
    @FunctionalInterface
    private interface Side {
        void run() throws SQLException;
    }

    /**
     * Every order of the three sides (hand-written, warm, cold), taken in turn by successive
     * repetitions, so that each side takes each place equally often: on MariaDB a delete's time
     * depends on the deletes just before it (with a fixed order, the third of three deletes of
     * one subject took 1.4 times as long as the first two).
     */
    private static final int[][] ORDERS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private static void inTurn(int repetition, Side raw, Side warm, Side cold) throws SQLException {
        Side[] sides = {raw, warm, cold};
        for (int side : ORDERS[Math.floorMod(repetition, ORDERS.length)]) {
            sides[side].run();
        }
    }

    static Result run(TestServer s, int repetitions) throws SQLException {
        try (Instance setup = Servers.builder(s).set("safemode", false).build();
                Connection rawConnection = Servers.rawJdbc(s)) {
            setup.schema(SCHEMA).drop(DropOptions.noPrompt());
            Schema schema = setup.schema(SCHEMA);
            Map<String, Table> tables = declare(schema);
            Table warmSubject = tables.get("Subject");
            List<String> leavesFirst = leavesFirst(setup, tables);
            warmUp(warmSubject, rawConnection, leavesFirst);
            int next = 1;
            long[][] one = new long[3][repetitions];
            Timed[] timed = new Timed[3];
            long previewStatements = 0;
            long openStatements = 0;
            long rowsPerSubject = 0;
            for (int r = -repetitions * 3; r < repetitions; r++) {
                int a = next++;
                int b = next++;
                int c = next++;
                rowsPerSubject = fill(tables, List.of(a, b, c), false);
                try (Instance fresh = Servers.builder(s).set("safemode", false).build()) {
                    fresh.connection().query("SELECT 1");
                    long opening = fresh.connection().statementCount();
                    Table coldSubject = fresh.schema(SCHEMA).table("Subject");
                    openStatements = fresh.connection().statementCount() - opening;
                    inTurn(r, () -> timed[0] = timedRaw(rawConnection, leavesFirst, "subject_id = ?", c),
                            () -> timed[1] = timedDelete(setup, warmSubject.restrict(Map.of("subject_id", b))),
                            () -> timed[2] = timedDelete(fresh, coldSubject.restrict(Map.of("subject_id", a))));
                    fill(tables, List.of(c), false);
                    long before = fresh.connection().statementCount();
                    Diagram.of(coldSubject).cascade(coldSubject.restrict(Map.of("subject_id", c))).preview();
                    previewStatements = fresh.connection().statementCount() - before;
                    record(r, one, timed);
                }
            }
            long[][] many = new long[3][repetitions];
            Timed[] manyTimed = new Timed[3];
            for (int r = -2; r < repetitions; r++) {
                int from = 100_000 + (r + 2) * 3_000;
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < 3_000; i++) {
                    ids.add(from + i);
                }
                fill(tables, ids, true);
                try (Instance fresh = Servers.builder(s).set("safemode", false).build()) {
                    Table coldSubject = fresh.schema(SCHEMA).table("Subject");
                    inTurn(r, () -> manyTimed[0] = timedRaw(rawConnection, leavesFirst,
                                    "subject_id >= ? AND subject_id < ?", from + 2_000, from + 3_000),
                            () -> manyTimed[1] = timedDelete(setup, warmSubject.restrict(
                                    "subject_id >= " + (from + 1_000) + " AND subject_id < " + (from + 2_000))),
                            () -> manyTimed[2] = timedDelete(fresh, coldSubject.restrict(
                                    "subject_id >= " + from + " AND subject_id < " + (from + 1_000))));
                    record(r, many, manyTimed);
                }
            }
            setup.schema(SCHEMA).drop(DropOptions.noPrompt());
            return new Result(Stats.median(one[2]), Stats.median(one[1]), Stats.median(one[0]), extra(timed[2]),
                    extra(timed[1]), previewStatements, Stats.median(many[1]), Stats.median(many[0]),
                    rowsPerSubject, TABLES.length, openStatements, Stats.median(many[2]), extra(manyTimed[2]),
                    extra(manyTimed[1]));
        }
    }

    /**
     * How long both sides first delete subjects that do not exist, alternately and untimed: the
     * same statements with nothing to delete, so that the JIT compiles both sides' code, as the query
     * workloads warm up for; the repetitions alone run the engine's cascade code too few times.
     */
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private static void warmUp(Table subject, Connection raw, List<String> leavesFirst)
            throws SQLException {
        long start = System.nanoTime();
        for (int i = 1; i <= 100 || System.nanoTime() - start < WARM_UP_NANOS; i++) {
            subject.restrict(Map.of("subject_id", -i)).delete(DeleteOptions.noPrompt());
            rawDelete(raw, leavesFirst, "subject_id = ?", -i);
        }
    }

    /** Keeps a measured repetition's times (warm-ups have negative numbers). */
    private static void record(int repetition, long[][] into, Timed[] timed) {
        if (repetition >= 0) {
            for (int side = 0; side < timed.length; side++) {
                into[side][repetition] = timed[side].nanos();
            }
        }
    }

    /** Statements a delete sent beyond one DELETE per table. */
    private static long extra(Timed delete) {
        return delete.statements() - TABLES.length;
    }

    private static Timed timedRaw(Connection c, List<String> leavesFirst, String where, Object... values)
            throws SQLException {
        long t0 = System.nanoTime();
        rawDelete(c, leavesFirst, where, values);
        return new Timed(System.nanoTime() - t0, TABLES.length);
    }

    private static Map<String, Table> declare(Schema schema) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Object[] t : TABLES) {
            String name = (String) t[0];
            String parent = (String) t[1];
            String key = name.toLowerCase(java.util.Locale.ROOT) + "_id : int16";
            Table table;
            if (parent == null) {
                table = schema.manual(name, "subject_id : int32\n---\nv = null : float64\n");
            } else if ((Boolean) t[3]) {
                table = out.get(parent).part(name, "-> master\n" + key + "\n---\nv = null : float64\n");
            } else {
                table = schema.manual(name, "-> " + out.get(parent).className() + "\n" + key + "\n---\nv = null : float64\n");
            }
            out.put(name, table);
        }
        return out;
    }

    /** Inserts the rows of these subjects: the full fan-out, or one row per table when {@code small}. */
    private static long fill(Map<String, Table> tables, List<Integer> subjects, boolean small) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        long perSubject = 0;
        for (Object[] t : TABLES) {
            String name = (String) t[0];
            String parent = (String) t[1];
            int fan = small ? 1 : (Integer) t[2];
            List<Map<String, Object>> mine = new ArrayList<>();
            if (parent == null) {
                subjects.forEach(id -> mine.add(Map.of("subject_id", id)));
            } else {
                String key = name.toLowerCase(java.util.Locale.ROOT) + "_id";
                for (Map<String, Object> p : rows.get(parent)) {
                    for (int i = 0; i < fan; i++) {
                        Map<String, Object> row = new LinkedHashMap<>(p);
                        row.remove("v");
                        row.put(key, (short) i);
                        mine.add(row);
                    }
                }
            }
            rows.put(name, mine);
            tables.get(name).insert(mine);
            perSubject += mine.size();
        }
        return perSubject / subjects.size();
    }

    private static List<String> leavesFirst(Instance inst, Map<String, Table> tables) {
        List<String> names = new ArrayList<>();
        for (Table t : Diagram.of(inst.schema(SCHEMA)).reversed()) {
            names.add(t.fullTableName());
        }
        return names;
    }

    /** The hand-written transaction: one DELETE per table, leaves first, the same restriction on each. */
    private static void rawDelete(Connection c, List<String> leavesFirst, String where, Object... values)
            throws SQLException {
        c.setAutoCommit(false);
        for (String table : leavesFirst) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
