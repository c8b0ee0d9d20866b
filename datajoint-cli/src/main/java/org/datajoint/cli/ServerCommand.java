package org.datajoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.datajoint.Instance;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that works against a live server: opens an instance, runs, closes it. */
abstract class ServerCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws IOException {
        try (Instance instance = server.open()) {
            PrintWriter out = spec.commandLine().getOut();
            run(instance, out);
            out.flush();
        }
        return 0;
    }

    /** The command's work on an open instance; failures propagate as exceptions (exit code 1). */
    abstract void run(Instance instance, PrintWriter out) throws IOException;
}
