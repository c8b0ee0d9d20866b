package org.datajoint.cli;

import java.util.concurrent.Callable;
import org.datajoint.Attribute;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datajoint describe TABLE}: the definition that declares the table, and its heading. */
@Command(name = "describe", description = "Print a table's definition and its attributes.")
final class DescribeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "TABLE", description = "schema.Table or schema.table_name")
    String table;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Instance instance = server.open()) {
            Table t = TableName.parse(table).open(instance);
            var out = spec.commandLine().getOut();
            out.println("-- " + t.fullTableName() + " (" + t.tier().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", " + t.count() + " rows)");
            out.println(t.describe().strip());
            out.println();
            out.printf(java.util.Locale.ROOT, "%-24s %-20s %-5s %s%n", "attribute", "type", "key", "comment");
            for (Attribute a : t.heading().attributes()) {
                out.printf(java.util.Locale.ROOT, "%-24s %-20s %-5s %s%n", a.name(), a.type(),
                        a.inPrimaryKey() ? "yes" : "", a.comment());
            }
            out.flush();
        }
        return 0;
    }
}
