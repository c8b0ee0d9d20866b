package org.datajoint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Table;
import org.datajoint.tck.servers.TestServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One million rows of six mixed columns: inserted in one {@code insert} call beside raw JDBC
 * batches (and COPY on PostgreSQL), then fetched into columns, maps and records beside raw JDBC
 * loops that build the same shapes, and streamed beside a raw cursor while the live heap is sampled.
 */
final class BulkWorkload {

    /** One row as a record, for {@code toList}. */
    record Row(long id, int n, double x, String label, LocalDate day, boolean flag) {
    }

    record Result(int rows, double insertNanos, double rawInsertNanos, double copyNanos, double columnsNanos,
            double rawColumnsNanos, double mapsNanos, double rawMapsNanos, double recordsNanos,
            double rawRecordsNanos, long streamHeap, long rawStreamHeap) {
    }

    private static final String SCHEMA = "bench_bulk";
    private static final int BATCH = 1_000;
    private static final String[] COLUMNS = {"id", "n", "x", "label", "day", "flag"};
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    private BulkWorkload() {
    }

    static Result run(TestServer s, boolean quick) throws Exception {
        int rows = quick ? 100_000 : 1_000_000;
        int repetitions = quick ? 2 : 5;
        long[][] t = new long[9][repetitions];
        long streamHeap = 0;
        long rawStreamHeap = 0;
        try (Instance inst = Servers.builder(s).set("safemode", false).build(); Connection raw = Servers.rawJdbc(s)) {
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
            Table bulk = inst.schema(SCHEMA).manual("Bulk", """
                    id : int64
                    ---
                    n : int32
                    x : float64
                    label : varchar(32)
                    day : date
                    flag : bool
                    """);
            String name = bulk.fullTableName();
            boolean pg = s.backend().equals("postgresql");
            List<Map<String, Object>> input = maps(rows);
            for (int r = -1; r < repetitions; r++) {
                int slot = Math.max(r, 0);
                for (int side = 0; side < 2; side++) {
                    truncate(raw, name, pg);
                    if ((side == 0) == (r % 2 == 0)) {
                        long t0 = System.nanoTime();
                        bulk.insert(input);
                        t[0][slot] = System.nanoTime() - t0;
                    } else {
                        t[1][slot] = rawInsert(raw, name, input);
                    }
                }
                if (pg) {
                    truncate(raw, name, pg);
                    t[2][slot] = copy(raw, name, rows);
                }
            }
            input = null;
            for (int r = -1; r < repetitions; r++) {
                int slot = Math.max(r, 0);
                boolean oursFirst = r % 2 == 0;
                pair(oursFirst, t[3], t[4], slot, () -> bulk.toColumns(), () -> rawColumns(raw, name));
                pair(oursFirst, t[5], t[6], slot, bulk::toDicts, () -> rawMaps(raw, name));
                pair(oursFirst, t[7], t[8], slot, () -> bulk.toList(Row.class), () -> rawRecords(raw, name));
            }
            // The first run of each side is not counted: caches filled once per statement shape are
            // not memory that streaming holds.
            for (int r = -1; r < repetitions; r++) {
                long ours = liveHeapWhile(sampler -> {
                    try (Stream<Map<String, Object>> stream = bulk.stream()) {
                        stream.forEach(sampler::tick);
                    }
                });
                long hand = liveHeapWhile(sampler -> rawStream(raw, name, pg, sampler));
                if (r >= 0) {
                    streamHeap = Math.max(streamHeap, ours);
                    rawStreamHeap = Math.max(rawStreamHeap, hand);
                }
            }
            inst.schema(SCHEMA).drop(DropOptions.noPrompt());
        }
        return new Result(rows, Stats.median(t[0]), Stats.median(t[1]), pgOnly(s, t[2]), Stats.median(t[3]),
                Stats.median(t[4]), Stats.median(t[5]), Stats.median(t[6]), Stats.median(t[7]), Stats.median(t[8]),
                streamHeap, rawStreamHeap);
    }

    private static double pgOnly(TestServer s, long[] nanos) {
        return s.backend().equals("postgresql") ? Stats.median(nanos) : Double.NaN;
    }

    /** The rows as maps, built before either side is timed: both insert the same rows. */
    private static List<Map<String, Object>> maps(int rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> m = new HashMap<>(8);
            m.put("id", (long) i);
            m.put("n", i % 1000);
            m.put("x", i * 0.25);
            m.put("label", "label-" + (i % 5000));
            m.put("day", EPOCH.plusDays(i % 3000));
            m.put("flag", i % 2 == 0);
            out.add(m);
        }
        return out;
    }

    /**
     * Empties the table without leaving deleted rows for the server to purge during the next
     * insert. On PostgreSQL it also forces a checkpoint, so that the one a previous insert's WAL
     * triggers does not land on whichever side runs next (where the user may not, it is skipped).
     */
    private static void truncate(Connection c, String name, boolean pg) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE " + name);
            if (pg) {
                try {
                    st.execute("CHECKPOINT");
                } catch (SQLException notPermitted) {
                    // without the privilege the figures are noisier, not wrong
                }
            }
        }
    }

    /**
     * The same rows in batches of 1,000 in one transaction, as a careful JDBC user writes them:
     * one typed setter per column.
     */
    private static long rawInsert(Connection c, String name, List<Map<String, Object>> input) throws SQLException {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name
                + " (id, n, x, label, day, flag) VALUES (?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Map<String, Object> m : input) {
                ps.setLong(1, (Long) m.get("id"));
                ps.setInt(2, (Integer) m.get("n"));
                ps.setDouble(3, (Double) m.get("x"));
                ps.setString(4, (String) m.get("label"));
                ps.setObject(5, m.get("day"));
                ps.setBoolean(6, (Boolean) m.get("flag"));
                ps.addBatch();
                if (++i % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return System.nanoTime() - t0;
    }

    /** PostgreSQL's COPY FROM STDIN in CSV, written in chunks of 10,000 rows. */
    private static long copy(Connection c, String name, int rows) throws SQLException {
        long t0 = System.nanoTime();
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + name
                + " (id, n, x, label, day, flag) FROM STDIN (FORMAT csv)");
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int i = 0; i < rows; i++) {
            chunk.append(i).append(',').append(i % 1000).append(',').append(i * 0.25).append(",label-")
                    .append(i % 5000).append(',').append(EPOCH.plusDays(i % 3000)).append(',')
                    .append(i % 2 == 0).append('\n');
            if ((i + 1) % 10_000 == 0 || i == rows - 1) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        in.endCopy();
        return System.nanoTime() - t0;
    }

    private static Map<String, List<Object>> rawColumns(Connection c, String name) throws SQLException {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            columns.put(column, new ArrayList<>());
        }
        List<List<Object>> lists = new ArrayList<>(columns.values());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select(name))) {
            while (rs.next()) {
                lists.get(0).add(rs.getLong(1));
                lists.get(1).add(rs.getInt(2));
                lists.get(2).add(rs.getDouble(3));
                lists.get(3).add(rs.getString(4));
                lists.get(4).add(rs.getObject(5, LocalDate.class));
                lists.get(5).add(rs.getBoolean(6));
            }
        }
        return columns;
    }

    private static List<Map<String, Object>> rawMaps(Connection c, String name) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select(name))) {
            while (rs.next()) {
                out.add(rowMap(rs));
            }
        }
        return out;
    }

    private static Map<String, Object> rowMap(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("id", rs.getLong(1));
        m.put("n", rs.getInt(2));
        m.put("x", rs.getDouble(3));
        m.put("label", rs.getString(4));
        m.put("day", rs.getObject(5, LocalDate.class));
        m.put("flag", rs.getBoolean(6));
        return m;
    }

    private static List<Row> rawRecords(Connection c, String name) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select(name))) {
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getBoolean(6)));
            }
        }
        return out;
    }

    /** A forward-only cursor: row streaming on MySQL, a fetch size inside a transaction on PostgreSQL. */
    private static void rawStream(Connection c, String name, boolean pg, HeapSampler sampler) throws SQLException {
        c.setAutoCommit(!pg);
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(pg ? 1000 : Integer.MIN_VALUE);
            try (ResultSet rs = st.executeQuery(select(name))) {
                while (rs.next()) {
                    sampler.tick(rowMap(rs));
                }
            }
        } finally {
            if (pg) {
                c.commit();
            }
            c.setAutoCommit(true);
        }
    }

    private static String select(String name) {
        return "SELECT id, n, x, label, day, flag FROM " + name;
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** Times both sides into {@code slot}, the one named by {@code oursFirst} first. */
    private static void pair(boolean oursFirst, long[] ours, long[] raw, int slot, Work oursWork, Work rawWork)
            throws Exception {
        if (oursFirst) {
            ours[slot] = time(oursWork);
            raw[slot] = time(rawWork);
        } else {
            raw[slot] = time(rawWork);
            ours[slot] = time(oursWork);
        }
    }

    /**
     * Nanoseconds of one side's work, which starts after a full GC: the other side's result, a
     * million rows, is garbage by then, and collecting it must not land on whichever side runs next.
     */
    private static long time(Work work) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        Object result = work.run();
        long nanos = System.nanoTime() - t0;
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return nanos;
    }

    private interface Streaming {
        void run(HeapSampler sampler) throws Exception;
    }

    /** The median live heap, above what was live before, seen at a full GC every 10,000 rows. */
    private static long liveHeapWhile(Streaming streaming) throws Exception {
        HeapSampler sampler = new HeapSampler();
        streaming.run(sampler);
        return sampler.median();
    }

    /** Samples the live heap at full GCs. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final long baseline;
        private final List<Long> samples = new ArrayList<>();
        private long rows;

        HeapSampler() {
            baseline = live();
        }

        void tick(Map<String, Object> row) {
            if (row.size() != COLUMNS.length) {
                throw new IllegalStateException("incomplete row " + row);
            }
            if (++rows % 10_000 == 0) {
                samples.add(Math.max(0, live() - baseline));
            }
        }

        long median() {
            return (long) Stats.median(samples.stream().mapToLong(Long::longValue).toArray());
        }

        private long live() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }
    }
}
