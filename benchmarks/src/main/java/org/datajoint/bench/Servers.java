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
}
