package org.datajoint.bench;

import java.util.Map;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.tck.servers.TestServer;

/** Instances and raw connections for a benchmark server, from the same settings. */
final class Servers {

    private Servers() {
    }

    static Instance.Builder builder(TestServer s) {
        return DataJoint.instance().environment(Map.of()).workingDirectory(java.nio.file.Path.of("."))
                .backend(s.backend()).host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .useTls(false);
    }

    /** An instance builder for the server that {@link #jvmArgs} carried into a forked JMH JVM. */
    static Instance.Builder forked() {
        return DataJoint.instance().environment(Map.of()).workingDirectory(java.nio.file.Path.of("."))
                .backend(System.getProperty("bench.backend")).host(System.getProperty("bench.host"))
                .port(Integer.getInteger("bench.port")).user(System.getProperty("bench.user"))
                .password(System.getProperty("bench.password")).useTls(false);
    }

    /** A JDBC URL for the raw comparators, with TLS off as for the instances. */
    static String rawUrl(TestServer s) {
        return s.backend().equals("postgresql") ? s.jdbcUrl() + "?sslmode=disable" : s.jdbcUrl();
    }

    /** System properties that carry a server into a forked JMH JVM. */
    static String[] jvmArgs(TestServer s) {
        return new String[] {"-Dbench.backend=" + s.backend(), "-Dbench.host=" + s.host(), "-Dbench.port=" + s.port(),
            "-Dbench.user=" + s.user(), "-Dbench.password=" + (s.password() == null ? "" : s.password()),
            "-Dbench.url=" + rawUrl(s)};
    }

    /**
     * A raw JDBC connection tuned as well as the instances' own: batched statements rewritten into
     * multi-row inserts, prepared statements cached, TLS off.
     */
    static java.sql.Connection rawJdbc(TestServer s) throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", s.user());
        if (s.password() != null) {
            p.setProperty("password", s.password());
        }
        if (s.backend().equals("postgresql")) {
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("stringtype", "unspecified");
        } else {
            p.setProperty("sslMode", "DISABLED");
            p.setProperty("allowPublicKeyRetrieval", "true");
            p.setProperty("rewriteBatchedStatements", "true");
            p.setProperty("cachePrepStmts", "true");
            p.setProperty("prepStmtCacheSize", "250");
            p.setProperty("prepStmtCacheSqlLimit", "2048");
            p.setProperty("useLocalSessionState", "true");
            p.setProperty("connectionTimeZone", "UTC");
            p.setProperty("forceConnectionTimeZoneToSession", "true");
        }
        return java.sql.DriverManager.getConnection(rawUrl(s), p);
    }

    /** A quoted identifier for hand-written SQL. */
    static String q(TestServer s, String name) {
        return s.backend().equals("postgresql") ? '"' + name + '"' : '`' + name + '`';
    }
}
