package org.datajoint.bench;

import java.util.concurrent.TimeUnit;
import org.datajoint.Instance;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building and rendering the restricted three-way join that {@link QueryWorkload} fetches with
 * {@code fetch1}: the expression tree, semantic checks and jOOQ rendering, without the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RenderBenchmark {

    private Instance instance;
    private Table subject;
    private Table session;
    private Table trial;
    private int next;
    private QueryExpression built;

    /** Declares (or binds to) the three tables and renders once so that their metadata is loaded. */
    @Setup(Level.Trial)
    public void open() {
        instance = Servers.forked().build();
        Schema schema = instance.schema(QueryWorkload.SCHEMA + "_render");
        subject = schema.manual("Subject", QueryWorkload.SUBJECT);
        session = schema.manual("Session", QueryWorkload.SESSION);
        trial = schema.manual("Trial", QueryWorkload.TRIAL);
        built = QueryWorkload.threeWayJoin(subject, session, trial, 1, 2, 3);
        buildAndRender();
    }

    /** Drops the schema and closes the instance. */
    @TearDown(Level.Trial)
    public void close() {
        instance.schema(QueryWorkload.SCHEMA + "_render").drop(org.datajoint.DropOptions.noPrompt());
        instance.close();
    }

    /** Rendering a built {@code (Subject * Session * Trial) & key} to SQL with its bound values. */
    @Benchmark
    public String render() {
        return built.sql();
    }

    /** Building {@code (Subject * Session * Trial) & key} from the tables, then rendering it. */
    @Benchmark
    public String buildAndRender() {
        int i = next++;
        return QueryWorkload.threeWayJoin(subject, session, trial, i % 100, i % 10, i % 7).sql();
    }
}
