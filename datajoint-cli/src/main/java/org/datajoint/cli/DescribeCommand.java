package org.datajoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.datajoint.Attribute;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code datajoint describe TABLE}: the definition that declares the table, and its heading. */
@Command(name = "describe", description = "Print a table's definition and its attributes.")
final class DescribeCommand extends ServerCommand {

    @Parameters(paramLabel = "TABLE", description = "schema.Table or schema.table_name")
    String table;

    @Override
    void run(Instance instance, PrintWriter out) {
        Table t = TableName.parse(table).open(instance);
        out.println("-- " + t.fullTableName() + " (" + Tabular.tier(t) + ", " + t.count() + " rows)");
        out.println(t.describe().strip());
        out.println();
        String row = "%-24s %-20s %-5s %s%n";
        out.printf(Locale.ROOT, row, "attribute", "type", "key", "comment");
        for (Attribute a : t.heading().attributes()) {
            out.printf(Locale.ROOT, row, a.name(), a.type(), a.inPrimaryKey() ? "yes" : "", a.comment());
        }
    }
}
