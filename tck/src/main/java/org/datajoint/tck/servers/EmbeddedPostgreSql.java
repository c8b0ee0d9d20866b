package org.datajoint.tck.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL server started from the zonky binaries on the class path. User {@code postgres} is
 * trusted from the local machine; every other user must give its password ({@code scram-sha-256}).
 */
final class EmbeddedPostgreSql {

    private static final String HBA = """
            local   all   postgres                   trust
            host    all   postgres   127.0.0.1/32    trust
            host    all   postgres   ::1/128         trust
            local   all   all                        scram-sha-256
            host    all   all        127.0.0.1/32    scram-sha-256
            host    all   all        ::1/128         scram-sha-256
            """;

    private EmbeddedPostgreSql() {
    }

    static TestServer start() throws IOException, SQLException {
        Housekeeping.quietLogs("io.zonky.test.db.postgres");
        // On Linux as root, zonky runs the server as "nobody", which must be able to read the hba file.
        Path dir = Files.createTempDirectory("datajoint-tck-postgresql-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path hba = Files.writeString(dir.resolve("pg_hba.conf"), HBA);
        Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            Housekeeping.deleteQuietly(dir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is in the temp dir
            } finally {
                Housekeeping.deleteQuietly(dir);
            }
        }, "datajoint-tck-postgresql-stop"));
        return TestServer.connect(Backend.POSTGRESQL, "127.0.0.1", pg.getPort(), "postgres", "", "embedded");
    }
}
