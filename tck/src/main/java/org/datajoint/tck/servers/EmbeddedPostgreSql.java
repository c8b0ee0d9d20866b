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
        Path dir = workDirectory();
        EmbeddedPostgres pg;
        try {
            pg = builder(dir).start();
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

    /**
     * A server that may be stopped and started again on the same port and data directory: a
     * fast shutdown ends every session and rolls back what they had not committed.
     */
    static RestartableServer.Lifecycle startRestartable() throws IOException {
        Path dir = workDirectory();
        try {
            int port = RestartableServer.freePort();
            EmbeddedPostgres.Builder builder = builder(dir).setPort(port)
                    .setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false);
            return new Restartable(dir, port, builder, builder.start());
        } catch (IOException | RuntimeException e) {
            Housekeeping.deleteQuietly(dir);
            throw e;
        }
    }

    /** A server started by a builder that keeps its port and data directory. */
    private static final class Restartable implements RestartableServer.Lifecycle {
        private final Path dir;
        private final int port;
        private final EmbeddedPostgres.Builder builder;
        private EmbeddedPostgres running;

        Restartable(Path dir, int port, EmbeddedPostgres.Builder builder, EmbeddedPostgres running) {
            this.dir = dir;
            this.port = port;
            this.builder = builder;
            this.running = running;
        }

        @Override
        public synchronized void start() throws IOException {
            if (running == null) {
                running = builder.start();
            }
        }

        @Override
        public synchronized void stop() throws IOException {
            EmbeddedPostgres pg = running;
            running = null;
            if (pg != null) {
                pg.close();
            }
        }

        @Override
        public void delete() {
            try {
                stop();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is in the temp dir
            } finally {
                Housekeeping.deleteQuietly(dir);
            }
        }

        @Override
        public TestServer connect() throws SQLException {
            return TestServer.connect(Backend.POSTGRESQL, "127.0.0.1", port, "postgres", "", "restartable");
        }
    }

    /** A new directory for a server's configuration (and data, when the caller puts it there). */
    private static Path workDirectory() throws IOException {
        Housekeeping.quietLogs("io.zonky.test.db.postgres");
        // On Linux as root, zonky runs the server as "nobody", which must be able to read the hba file.
        Path dir = Files.createTempDirectory("datajoint-tck-postgresql-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path hba = Files.writeString(dir.resolve("pg_hba.conf"), HBA);
        Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-r--r--"));
        return dir;
    }

    private static EmbeddedPostgres.Builder builder(Path dir) {
        return EmbeddedPostgres.builder()
                .setServerConfig("hba_file", dir.resolve("pg_hba.conf").toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false);
    }
}
