package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.datajoint.AccessDeniedException;
import org.datajoint.ConnectionException;
import org.datajoint.DataJoint;
import org.datajoint.DialectNotFoundException;
import org.datajoint.Instance;
import org.datajoint.tck.servers.TestServers;
import org.junit.jupiter.api.Test;

/** Each way of failing to connect gives its own clear exception, quickly. */
public interface FailureTck extends TckTarget {

    @Test
    default void unknownBackendNamesTheAvailableOnes(TckContext tck) {
        DialectNotFoundException e = assertThrows(DialectNotFoundException.class,
                () -> DataJoint.instance().environment(Map.of()).workingDirectory(Tck.isolatedDirectory())
                        .backend("oracle").build());
        assertTrue(e.getMessage().contains("no dialect for backend 'oracle'; available: ["), e.getMessage());
        assertTrue(e.getMessage().contains(tck.backend()), e.getMessage());
    }

    @Test
    default void aKnownBackendWithoutItsDialectNamesTheArtifact(TckContext tck) {
        Map<String, String> artifacts = Map.of("mysql", "org.datajoint:datajoint-dialect-mysql",
                "postgresql", "org.datajoint:datajoint-dialect-postgres");
        for (Map.Entry<String, String> e : artifacts.entrySet()) {
            Instance.Builder b = DataJoint.instance().environment(Map.of()).workingDirectory(Tck.isolatedDirectory())
                    .backend(e.getKey());
            if (e.getKey().equals(tck.backend())) {
                tck.track(b.build());
            } else {
                DialectNotFoundException missing = assertThrows(DialectNotFoundException.class, b::build,
                        "the suite runs with the dialect under test alone on the class path, so " + e.getKey() + " has none");
                assertTrue(missing.getMessage().contains("Add the artifact " + e.getValue()), missing.getMessage());
            }
        }
    }

    @Test
    default void wrongPasswordIsAccessDenied(TckContext tck) {
        String user = "dj_tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instance admin = tck.instance();
        List<Instance.Builder> attempts = new ArrayList<>();
        attempts.add(tck.builder().user("dj_tck_nobody").password("wrong"));
        if (TestServers.enforcesPasswords(tck.backend())) {
            admin.connection().execute(createUserSql(user, "Right1234"));
            attempts.add(tck.builder().user(user).password("definitely-the-wrong-password"));
        }
        try {
            for (Instance.Builder b : attempts) {
                Instance inst = tck.track(b.build());
                AccessDeniedException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> assertThrows(AccessDeniedException.class, () -> inst.connection().query("SELECT 1")));
                assertTrue(e.getMessage().contains("Access denied for user"), e.getMessage());
                assertTrue(!e.getMessage().contains("definitely-the-wrong-password"), "password must not be shown");
            }
            if (attempts.size() > 1) {
                Instance right = tck.track(tck.builder().user(user).password("Right1234").build());
                assertTrue(right.connection().ping(), "the right password works");
            }
        } finally {
            if (attempts.size() > 1) {
                admin.connection().execute(dropUserSql(user));
            }
        }
    }

    @Test
    default void refusedConnectionIsReportedQuickly(TckContext tck) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Instance inst = tck.track(tck.builder().host("127.0.0.1").port(port).build());
        ConnectionException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(ConnectionException.class, () -> inst.connection().query("SELECT 1")));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    default void silentServerTimesOutInsteadOfHanging(TckContext tck) throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    if (!silent.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Instance inst = tck.track(tck.builder().host("127.0.0.1").port(silent.getLocalPort())
                    .set("connection.connect_timeout", 2).build());
            ConnectionException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(ConnectionException.class, () -> inst.connection().query("SELECT 1")));
            assertTrue(e.getMessage().contains("Cannot connect"), e.getMessage());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    default void queriesMayOutlastTheConnectTimeout(TckContext tck) {
        Instance inst = tck.track(tck.builder().set("connection.connect_timeout", 1).build());
        long start = System.nanoTime();
        assertEquals(1, inst.connection().query(sleepSql(3)).size(), "the bound on the login does not cut a long query");
        assertTrue(System.nanoTime() - start >= 2_900_000_000L, "the query slept");
    }
}
