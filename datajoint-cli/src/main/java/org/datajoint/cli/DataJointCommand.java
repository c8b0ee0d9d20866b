package org.datajoint.cli;

import java.io.PrintWriter;
import org.datajoint.DataJointException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code datajoint} command: a zero-setup demo on an embedded database, and diagrams, table
 * descriptions, table lists and cascade previews against a live server.
 *
 * <p>Exit codes: 0 on success, 1 when DataJoint or the server refuses (wrong password, unknown
 * table, bad SQL; one line on standard error), 2 for a usage error.
 */
@Command(name = "datajoint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "DataJoint for the JVM: relational data pipelines on MySQL, MariaDB and PostgreSQL.",
        subcommands = {DemoCommand.class, TablesCommand.class, DescribeCommand.class, DiagramCommand.class,
            PreviewDeleteCommand.class, CommandLine.HelpCommand.class})
public final class DataJointCommand {

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command with the given output streams and returns its exit code.
     *
     * @param out standard output
     * @param err standard error: one line per failure, with the stack trace only under {@code --verbose}
     * @param args the command line
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        CommandLine cli = new CommandLine(new DataJointCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            String message = e instanceof DataJointException || e instanceof IllegalStateException
                    || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            line.getErr().println("datajoint: " + (verbose ? firstLine(message) : withoutSql(firstLine(message))));
            if (verbose) {
                e.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** The server's complaint without the statement DataJoint appends; {@code --verbose} keeps it. */
    private static String withoutSql(String message) {
        int sql = message.indexOf(" [SQL: ");
        return sql < 0 ? message : message.substring(0, sql) + " (--verbose shows the statement)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "failed without a message; run again with --verbose";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
