package org.datajoint.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.datajoint.Instance;
import org.datajoint.tck.servers.TestServer;

/** A new instance's first query, beside a raw JDBC connect, query and close. */
final class FirstQueryWorkload {

    /** Medians: first-query latency of each side, and what closing then costs each. */
    record Result(double oursNanos, double rawNanos, double oursCloseNanos, double rawCloseNanos) {
    }

    private FirstQueryWorkload() {
    }

    static Result run(TestServer s, int repetitions) throws SQLException {
        for (int i = 0; i < 5; i++) {
            ours(s);
            raw(s);
        }
        long[][] ours = new long[2][repetitions];
        long[][] raw = new long[2][repetitions];
        for (int i = 0; i < repetitions; i++) {
            long[] o = ours(s);
            long[] r = raw(s);
            for (int k = 0; k < 2; k++) {
                ours[k][i] = o[k];
                raw[k][i] = r[k];
            }
        }
        return new Result(Stats.median(ours[0]), Stats.median(raw[0]), Stats.median(ours[1]), Stats.median(raw[1]));
    }

    /** Nanoseconds to the first row, then to closed. */
    private static long[] ours(TestServer s) {
        long t0 = System.nanoTime();
        Instance inst = Servers.builder(s).build();
        inst.connection().query("SELECT 1");
        long t1 = System.nanoTime();
        inst.close();
        return new long[] {t1 - t0, System.nanoTime() - t1};
    }

    private static long[] raw(TestServer s) throws SQLException {
        long t0 = System.nanoTime();
        Properties p = new Properties();
        p.setProperty("user", s.user());
        p.setProperty("password", s.password() == null ? "" : s.password());
        Connection c = DriverManager.getConnection(Servers.rawUrl(s), p);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
        }
        long t1 = System.nanoTime();
        c.close();
        return new long[] {t1 - t0, System.nanoTime() - t1};
    }
}
