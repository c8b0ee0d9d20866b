package org.datajoint.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.datajoint.Instance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Borrowing and returning a pooled connection: through an instance, and straight from HikariCP. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AcquireReleaseBenchmark {

    private Instance instance;
    private HikariDataSource raw;

    /** Opens both pools and warms them with one connection each. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        instance = Servers.forked().build();
        instance.connection().query("SELECT 1");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(System.getProperty("bench.url"));
        hc.setUsername(System.getProperty("bench.user"));
        hc.setPassword(System.getProperty("bench.password"));
        hc.setMaximumPoolSize(10);
        raw = new HikariDataSource(hc);
        raw.getConnection().close();
    }

    /** Closes both pools. */
    @TearDown(Level.Trial)
    public void close() {
        instance.close();
        raw.close();
    }

    /** Borrow and return through {@code Connection.withJdbc}. */
    @Benchmark
    public Object instanceAcquireRelease() {
        return instance.connection().withJdbc(c -> c);
    }

    /** Borrow and return on a raw HikariCP pool. */
    @Benchmark
    public Object hikariAcquireRelease() throws SQLException {
        Connection c = raw.getConnection();
        c.close();
        return c;
    }
}
