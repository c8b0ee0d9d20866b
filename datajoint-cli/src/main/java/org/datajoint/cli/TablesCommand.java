package org.datajoint.cli;

import java.util.concurrent.Callable;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datajoint tables SCHEMA}: the schema's tables in dependency order, with tier and row count. */
@Command(name = "tables", description = "List a schema's tables with their tier and row count.")
final class TablesCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "SCHEMA", description = "the schema")
    String schema;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Instance instance = server.open()) {
            ServerOptions.requireSchema(instance, schema);
            var out = spec.commandLine().getOut();
            out.printf(java.util.Locale.ROOT, "%-32s %-10s %10s%n", "table", "tier", "rows");
            for (Table t : instance.schema(schema).tables()) {
                out.printf(java.util.Locale.ROOT, "%-32s %-10s %,10d%n", t.className(),
                        t.tier().toString().toLowerCase(java.util.Locale.ROOT), t.count());
            }
            out.flush();
        }
        return 0;
    }
}
