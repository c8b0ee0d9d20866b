package org.datajoint.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.datajoint.Instance;
import org.datajoint.tck.servers.TestServer;

/**
 * A thousand instances held by one JVM: threads and server connections right after use and after
 * the idle timeout, beside a thousand plain HikariCP pools.
 */
final class IdleInstancesWorkload {

    record Result(int instances, int used, int threadsAfterUse, long connectionsAfterUse, int threadsAfterIdle,
            long connectionsAfterIdle, int rawPoolThreads, long idleWaitMillis) {
    }

    static final int INSTANCES = 1000;
    static final int USED = 50;
    static final int IDLE_TIMEOUT_SECONDS = 10;

    private IdleInstancesWorkload() {
    }

    static Result run(TestServer s) throws Exception {
        try (Connection monitor = s.openJdbc()) {
            long baseline = serverConnections(s, monitor);
            List<Instance> instances = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(Servers.builder(s).set("connection.idle_timeout", IDLE_TIMEOUT_SECONDS).build());
            }
            ExecutorService users = Executors.newFixedThreadPool(10);
            List<Future<?>> done = new ArrayList<>();
            for (Instance inst : instances.subList(0, USED)) {
                done.add(users.submit(() -> inst.connection().query("SELECT 1")));
            }
            for (Future<?> f : done) {
                f.get();
            }
            users.shutdown();
            int threadsAfterUse = poolThreads();
            long connectionsAfterUse = serverConnections(s, monitor) - baseline;
            long t0 = System.currentTimeMillis();
            long connections = connectionsAfterUse;
            while (connections > 0 && System.currentTimeMillis() - t0 < (IDLE_TIMEOUT_SECONDS + 40) * 1000L) {
                Thread.sleep(1000);
                connections = serverConnections(s, monitor) - baseline;
            }
            Thread.sleep(6000);
            long idleWait = System.currentTimeMillis() - t0;
            int threadsAfterIdle = poolThreads();
            long connectionsAfterIdle = serverConnections(s, monitor) - baseline;
            instances.forEach(Instance::close);
            return new Result(INSTANCES, USED, threadsAfterUse, connectionsAfterUse, threadsAfterIdle,
                    connectionsAfterIdle, rawPools(s), idleWait);
        }
    }

    /** Threads of a thousand lazily started plain HikariCP pools, each with its own housekeeper. */
    private static int rawPools(TestServer s) {
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                HikariConfig hc = new HikariConfig();
                hc.setJdbcUrl(Servers.rawUrl(s));
                hc.setUsername(s.user());
                hc.setPassword(s.password());
                hc.setMinimumIdle(0);
                hc.setInitializationFailTimeout(-1);
                hc.setPoolName("raw-hikari-" + i);
                pools.add(new HikariDataSource(hc));
            }
            return poolThreads();
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    static int poolThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(t -> t.getName().toLowerCase(Locale.ROOT))
                .filter(n -> n.contains("datajoint") || n.contains("hikari")).count();
    }

    private static long serverConnections(TestServer s, Connection monitor) throws SQLException {
        String sql = s.backend().equals("postgresql")
                ? "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'datajoint'"
                : "SELECT COUNT(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID()";
        try (Statement st = monitor.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
