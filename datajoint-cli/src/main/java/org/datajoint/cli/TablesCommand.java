package org.datajoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code datajoint tables SCHEMA}: the schema's tables in dependency order, with tier and row count. */
@Command(name = "tables", description = "List a schema's tables with their tier and row count.")
final class TablesCommand extends ServerCommand {

    @Parameters(paramLabel = "SCHEMA", description = "the schema")
    String schema;

    @Override
    void run(Instance instance, PrintWriter out) {
        ServerOptions.requireSchema(instance, schema);
        out.printf(Locale.ROOT, "%-32s %-10s %10s%n", "table", "tier", "rows");
        for (Table t : instance.schema(schema).tables()) {
            out.printf(Locale.ROOT, "%-32s %-10s %,10d%n", t.className(), Tabular.tier(t), t.count());
        }
    }
}
