package org.datajoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datajoint.Diagram;
import org.datajoint.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datajoint diagram SCHEMA...}: the pipeline diagram as Mermaid or Graphviz DOT. */
@Command(name = "diagram", description = "Write the diagram of one or more schemas as Mermaid or DOT.")
final class DiagramCommand extends ServerCommand {

    /** The text formats a diagram renders to. */
    enum Format { mermaid, dot }

    @Parameters(paramLabel = "SCHEMA", arity = "1..*", description = "the schemas to draw")
    List<String> schemas;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid (default) or dot")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Override
    void run(Instance instance, PrintWriter out) throws IOException {
        Object[] sources = schemas.stream().map(s -> {
            ServerOptions.requireSchema(instance, s);
            return instance.schema(s);
        }).toArray();
        Diagram diagram = Diagram.of(sources);
        String text = format == Format.dot ? diagram.toDot() : diagram.toMermaid();
        if (output == null) {
            out.print(text);
        } else {
            Files.writeString(output, text);
            out.println("wrote " + output);
        }
    }
}
