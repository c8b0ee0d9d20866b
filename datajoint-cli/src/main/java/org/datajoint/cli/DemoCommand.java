package org.datajoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datajoint.DataJoint;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.PopulateOptions;
import org.datajoint.PopulateResult;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.tck.servers.TestServer;
import org.datajoint.tck.servers.TestServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code datajoint demo}: declares a small lab pipeline, fills it, populates, queries, previews
 * and performs a cascade delete, and writes the diagram; on an embedded server unless a server is
 * named.
 */
@Command(name = "demo", description = "Run a small lab pipeline end to end. Without --host it starts an embedded"
        + " PostgreSQL (or, with --backend mysql, MariaDB): nothing to install.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--schema", defaultValue = "datajoint_demo",
            description = "the schema to use; dropped first if it exists (default ${DEFAULT-VALUE})")
    String schema;

    @Option(names = "--output-dir", defaultValue = ".", paramLabel = "DIR",
            description = "where to write pipeline.mmd and pipeline.dot (default: the current directory)")
    Path outputDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        try (Instance instance = open()) {
            step("2. Declare the pipeline in schema " + schema);
            instance.schema(schema).drop(DropOptions.noPrompt());
            Schema s = instance.schema(schema);
            DemoPipeline p = new DemoPipeline(s);
            s.tables().forEach(t -> out.println("  " + t.className() + " (" + Tabular.tier(t) + "): "
                    + t.heading().primaryKey()));
            step("3. Insert");
            out.println("  " + p.fill() + " rows into Subject, Session and Session.Trial in three batched inserts");
            step("4. Populate SessionSummary");
            PopulateResult result = p.summary.populate(PopulateOptions.defaults().display(true));
            out.printf(Locale.ROOT, "  %d made, %d failed; %d rows in SessionSummary.Outcome%n", result.success(),
                    result.error(), p.outcome.count());
            step("5. Query");
            show("subject.restrict(\"species = 'mouse'\")", p.subject.restrict("species = 'mouse'"));
            show("session.join(summary).proj(\"session_date\", \"hit_rate\").restrict(\"hit_rate > 0.6\")",
                    p.session.join(p.summary).proj("session_date", "hit_rate").restrict("hit_rate > 0.6"));
            show("subject.aggr(summary, Proj.key().compute(\"n_sessions\", \"count(*)\")"
                    + ".compute(\"mean_hit_rate\", \"round(avg(hit_rate), 3)\"))",
                    p.subject.aggr(p.summary, Proj.key().compute("n_sessions", "count(*)")
                            .compute("mean_hit_rate", "round(avg(hit_rate), 3)")));
            step("6. Cascade delete of subject M002");
            Diagram cascade = Diagram.of(s).cascade(p.subject.restrict(Map.of("subject_id", "M002")));
            out.println("  preview (nothing deleted yet):");
            Map<String, Long> preview = cascade.preview();
            Tabular.counts(out, "    ", preview);
            long subjects = cascade.delete(DeleteOptions.noPrompt());
            out.printf(Locale.ROOT, "  deleted %d subject and %d dependent rows in one transaction; subjects left: %d,"
                    + " trials left: %d%n", subjects, preview.values().stream().mapToLong(Long::longValue).sum()
                    - subjects, p.subject.count(), p.trial.count());
            step("7. Diagram");
            Files.createDirectories(outputDir);
            Diagram diagram = Diagram.of(s);
            Path mermaid = Files.writeString(outputDir.resolve("pipeline.mmd"), diagram.toMermaid());
            Path dot = Files.writeString(outputDir.resolve("pipeline.dot"), diagram.toDot());
            out.println("  wrote " + mermaid + " (Mermaid) and " + dot + " (Graphviz DOT)");
            out.println();
            out.println(server.anyServer() ? "Done. The schema " + schema + " is left on the server to explore."
                    : "Done. The embedded server stops now; run with --host to keep the schema on a server of yours.");
            out.flush();
        }
        return 0;
    }

    private Instance open() {
        if (server.anyServer()) {
            step("1. Connect");
            Instance instance = server.open();
            out.println("  connected to " + (server.host == null ? "the configured server" : server.host));
            return instance;
        }
        String backend = server.backend == null ? "postgresql" : server.backend;
        step("1. Start an embedded " + (backend.equals("postgresql") ? "PostgreSQL" : "MariaDB") + " server");
        long t0 = System.nanoTime();
        TestServer embedded = TestServers.embedded(backend);
        out.printf(Locale.ROOT, "  %s %s at %s:%d, started in %.1f s%n", embedded.product(), embedded.version(),
                embedded.host(), embedded.port(), (System.nanoTime() - t0) / 1e9);
        return DataJoint.instance().environment(Map.of("DJ_IGNORE_CONFIG_FILE", "true")).backend(backend)
                .host(embedded.host()).port(embedded.port()).user(embedded.user()).password(embedded.password())
                .useTls(false).build();
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private void show(String java, QueryExpression query) {
        out.println("  " + java);
        out.println(query.toString().indent(4).stripTrailing());
        out.println();
        out.flush();
    }
}
