package org.datajoint.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.tck.servers.TestServer;

/**
 * Cold metadata of a 200-table schema: opening it and reading one heading on a fresh instance,
 * beside three hand-written information_schema queries over the same schema.
 */
final class CatalogWorkload {

    record Result(double oursNanos, double rawNanos, long statements) {
    }

    static final int TABLES = 200;
    private static final String SCHEMA = "bench_catalog";
    private static final List<String> HAND_WRITTEN = List.of(
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                    + " WHERE table_schema = ?",
            "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints"
                    + " WHERE table_schema = ?",
            "SELECT table_name, constraint_name, column_name FROM information_schema.key_column_usage"
                    + " WHERE table_schema = ?");

    private CatalogWorkload() {
    }

    static Result run(TestServer s, int repetitions) throws SQLException {
        try (Instance setup = Servers.builder(s).build()) {
            Schema schema = setup.schema(SCHEMA);
            schema.drop(DropOptions.noPrompt());
            schema = setup.schema(SCHEMA);
            String first = setup.freeTable(SCHEMA + ".t0").fullTableName();
            setup.connection().execute("CREATE TABLE " + first + " (id INTEGER NOT NULL PRIMARY KEY, v VARCHAR(20))");
            for (int i = 1; i < TABLES; i++) {
                setup.connection().execute("CREATE TABLE " + setup.freeTable(SCHEMA + ".t" + i).fullTableName()
                        + " (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER NOT NULL, v VARCHAR(20),"
                        + " FOREIGN KEY (parent_id) REFERENCES " + first + " (id))");
            }
            long[] ours = new long[repetitions];
            long[] raw = new long[repetitions];
            long statements = 0;
            try (Connection jdbc = s.openJdbc()) {
                for (int i = -2; i < repetitions; i++) {
                    long[] o = ours(s);
                    long r = raw(jdbc);
                    if (i >= 0) {
                        ours[i] = o[0];
                        raw[i] = r;
                        statements = o[1];
                    }
                }
            }
            schema.drop(DropOptions.noPrompt());
            return new Result(Stats.median(ours), Stats.median(raw), statements);
        }
    }

    private static long[] ours(TestServer s) {
        try (Instance fresh = Servers.builder(s).build()) {
            fresh.connection().query("SELECT 1");
            long before = fresh.connection().statementCount();
            long t0 = System.nanoTime();
            Schema schema = fresh.schema(SCHEMA);
            schema.tables();
            schema.table("T150").heading();
            return new long[] {System.nanoTime() - t0, fresh.connection().statementCount() - before};
        }
    }

    private static long raw(Connection jdbc) throws SQLException {
        long t0 = System.nanoTime();
        for (String sql : HAND_WRITTEN) {
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                ps.setString(1, SCHEMA);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
        }
        return System.nanoTime() - t0;
    }
}
