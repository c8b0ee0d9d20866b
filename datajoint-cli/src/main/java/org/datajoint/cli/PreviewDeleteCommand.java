package org.datajoint.cli;

import java.io.PrintWriter;
import org.datajoint.Diagram;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datajoint preview-delete TABLE --where SQL}: what a cascade delete would remove; removes nothing. */
@Command(name = "preview-delete", description = "Count the rows a cascade delete would remove, per table."
        + " Nothing is deleted.")
final class PreviewDeleteCommand extends ServerCommand {

    @Parameters(paramLabel = "TABLE", description = "schema.Table or schema.table_name")
    String table;

    @Option(names = "--where", paramLabel = "SQL", description = "a restriction, e.g. \"subject_id = 'M001'\";"
            + " without it, every row")
    String where;

    @Override
    void run(Instance instance, PrintWriter out) {
        Table t = TableName.parse(table).open(instance);
        Tabular.counts(out, "", Diagram.of(t).cascade(where == null ? t : t.restrict(where)).preview());
    }
}
