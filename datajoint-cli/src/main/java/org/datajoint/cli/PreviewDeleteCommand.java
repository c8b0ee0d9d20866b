package org.datajoint.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.datajoint.Diagram;
import org.datajoint.Instance;
import org.datajoint.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datajoint preview-delete TABLE --where SQL}: what a cascade delete would remove; removes nothing. */
@Command(name = "preview-delete", description = "Count the rows a cascade delete would remove, per table."
        + " Nothing is deleted.")
final class PreviewDeleteCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "TABLE", description = "schema.Table or schema.table_name")
    String table;

    @Option(names = "--where", paramLabel = "SQL", description = "a restriction, e.g. \"subject_id = 'M001'\";"
            + " without it, every row")
    String where;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Instance instance = server.open()) {
            Table t = TableName.parse(table).open(instance);
            Map<String, Long> counts = Diagram.of(t).cascade(where == null ? t : t.restrict(where)).preview();
            Tabular.counts(spec.commandLine().getOut(), counts);
        }
        return 0;
    }
}
