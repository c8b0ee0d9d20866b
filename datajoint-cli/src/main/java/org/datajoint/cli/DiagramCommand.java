package org.datajoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.datajoint.Diagram;
import org.datajoint.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datajoint diagram SCHEMA...}: the pipeline diagram as Mermaid or Graphviz DOT. */
@Command(name = "diagram", description = "Write the diagram of one or more schemas as Mermaid or DOT.")
final class DiagramCommand implements Callable<Integer> {

    /** The text formats a diagram renders to. */
    enum Format { mermaid, dot }

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "SCHEMA", arity = "1..*", description = "the schemas to draw")
    List<String> schemas;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid (default) or dot")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Instance instance = server.open()) {
            Object[] sources = schemas.stream().map(s -> {
                ServerOptions.requireSchema(instance, s);
                return instance.schema(s);
            }).toArray();
            Diagram diagram = Diagram.of(sources);
            String text = format == Format.dot ? diagram.toDot() : diagram.toMermaid();
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, text);
                spec.commandLine().getOut().println("wrote " + output);
            }
        }
        return 0;
    }
}
