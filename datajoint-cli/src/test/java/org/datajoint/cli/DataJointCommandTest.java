package org.datajoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.datajoint.tck.servers.TestServer;
import org.datajoint.tck.servers.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command on each backend's test server: the demo, the server commands, and their failures. */
class DataJointCommandTest {

    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DataJointCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] on(TestServer s, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--backend", s.backend(), "--host", s.host(), "--port", Integer.toString(s.port()),
                "--user", s.user(), "--password=" + (s.password() == null ? "" : s.password())));
        return all.toArray(String[]::new);
    }

    private static String schema(TestServer s) {
        return "cli_demo_" + s.backend().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "postgresql"})
    void demoRunsEndToEndAndTheServerCommandsReadItsSchema(String backend, @TempDir Path dir) throws Exception {
        TestServer s = TestServers.get(backend);
        Run demo = run(on(s, "demo", "--schema", schema(s), "--output-dir", dir.toString()));
        assertEquals(0, demo.code(), demo.err());
        assertTrue(demo.out().contains("12 made, 0 failed; 24 rows in SessionSummary.Outcome"), demo.out());
        assertTrue(demo.out().contains("deleted 1 subject and 72 dependent rows"), demo.out());
        assertTrue(demo.out().contains("subjects left: 3, trials left: 180"), demo.out());
        assertTrue(Files.readString(dir.resolve("pipeline.mmd")).contains("\"Session.Trial\""));
        assertTrue(Files.readString(dir.resolve("pipeline.dot")).startsWith("digraph"));

        Run tables = run(on(s, "tables", schema(s)));
        assertEquals(0, tables.code(), tables.err());
        assertTrue(tables.out().lines().anyMatch(l -> l.matches("Session\\.Trial\\s+part\\s+180")), tables.out());

        Run describe = run(on(s, "describe", schema(s) + ".Session"));
        assertEquals(0, describe.code(), describe.err());
        assertTrue(describe.out().contains("-> Subject\nsession_id : int32\n---"), describe.out());

        Run preview = run(on(s, "preview-delete", schema(s) + ".Subject", "--where", "subject_id = 'M001'"));
        assertEquals(0, preview.code(), preview.err());
        assertTrue(preview.out().lines().anyMatch(l -> l.matches("total\\s+73")), preview.out());
        assertEquals(3, run(on(s, "tables", schema(s))).out().lines()
                .filter(l -> l.startsWith("Subject ")).mapToInt(l -> Integer.parseInt(l.replaceAll(".*\\s", ""))).sum(),
                "preview-delete deleted nothing");

        Path file = dir.resolve("d.dot");
        Run diagram = run(on(s, "diagram", schema(s), "--format", "dot", "--output", file.toString()));
        assertEquals(0, diagram.code(), diagram.err());
        assertTrue(Files.readString(file).contains("SessionSummary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "postgresql"})
    void failuresSayWhatWasWrongInOneLineAndExitNonZero(String backend) {
        TestServer s = TestServers.get(backend);
        run(on(s, "demo", "--schema", schema(s) + "_f", "--output-dir", System.getProperty("java.io.tmpdir")));

        Run unknownTable = run(on(s, "describe", schema(s) + "_f.NoSuchTable"));
        assertFailure(unknownTable, "NoSuchTable");
        Run unknownSchema = run(on(s, "tables", "no_such_schema_here"));
        assertFailure(unknownSchema, "no schema 'no_such_schema_here'");
        Run badSql = run(on(s, "preview-delete", schema(s) + "_f.Subject", "--where", "subject_id = = 'M001'"));
        assertFailure(badSql, "syntax");

        List<String> wrongLogin = new ArrayList<>(List.of(on(s, "tables", schema(s) + "_f")));
        wrongLogin.set(wrongLogin.indexOf("--user") + 1, "datajoint_no_such_user");
        wrongLogin.replaceAll(a -> a.startsWith("--password=") ? "--password=wrong" : a);
        assertFailure(run(wrongLogin.toArray(String[]::new)), "Access denied");

        assertEquals(2, run("tables").code(), "a missing argument is a usage error");
    }

    private static void assertFailure(Run run, String expected) {
        assertEquals(1, run.code(), run.out());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("datajoint: "), run.err());
        assertTrue(run.err().toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT)), run.err());
    }
}
