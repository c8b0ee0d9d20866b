package org.datajoint.tck.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplicitServersTest {

    private static ExplicitServers with(Map<String, String> properties, Map<String, String> env) {
        return new ExplicitServers(properties::get, env::get);
    }

    @Test
    void nothingSetMeansNoExplicitServer() {
        assertTrue(with(Map.of(), Map.of()).settings(Backend.POSTGRESQL).isEmpty());
    }

    @Test
    void hostAloneIsEnough() {
        var pg = with(Map.of(), Map.of("DJ_TEST_POSTGRESQL_HOST", "db")).settings(Backend.POSTGRESQL).orElseThrow();
        assertEquals("db", pg.host());
        assertEquals(5432, pg.port());
        assertEquals("postgres", pg.user());
        assertEquals("", pg.password());
        var my = with(Map.of("datajoint.test.mysql.host", "m"), Map.of()).settings(Backend.MYSQL).orElseThrow();
        assertEquals(3306, my.port());
        assertEquals("root", my.user());
    }

    @Test
    void propertyWinsOverEnvironmentPerKey() {
        var s = with(Map.of("datajoint.test.mysql.host", "prop-host", "datajoint.test.mysql.password", "p1"),
                Map.of("DJ_TEST_MYSQL_HOST", "env-host", "DJ_TEST_MYSQL_PORT", "3307", "DJ_TEST_MYSQL_USER", "u",
                        "DJ_TEST_MYSQL_PASSWORD", "p2"))
                .settings(Backend.MYSQL).orElseThrow();
        assertEquals("prop-host", s.host());
        assertEquals(3307, s.port());
        assertEquals("u", s.user());
        assertEquals("p1", s.password());
        assertTrue(s.source().contains("datajoint.test.mysql.host"), s.source());
    }

    @Test
    void settingsWithoutHostAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of(), Map.of("DJ_TEST_POSTGRESQL_PORT", "5433")).settings(Backend.POSTGRESQL));
        assertTrue(e.getMessage().contains("DJ_TEST_POSTGRESQL_HOST"), e.getMessage());
        assertTrue(with(Map.of(), Map.of("DJ_TEST_POSTGRESQL_PASSWORD", "")).settings(Backend.POSTGRESQL).isEmpty());
    }

    @Test
    void badPortIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("datajoint.test.mysql.host", "h", "datajoint.test.mysql.port", "x"), Map.of())
                        .settings(Backend.MYSQL));
        assertTrue(e.getMessage().contains("datajoint.test.mysql.port"), e.getMessage());
    }

    @Test
    void explicitServerThatDoesNotAnswerFailsClearly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var settings = new ExplicitServers.Settings(Backend.POSTGRESQL, "127.0.0.1", port, "postgres", "secret",
                "system property datajoint.test.postgresql.host");
        var e = assertThrows(IllegalStateException.class, () -> ExplicitServers.connect(settings));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port + " (user postgres, set by system property"),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void recordHelpers() {
        var s = new TestServer("postgresql", "::1", 5432, "postgres", "secret", "explicit", "PostgreSQL", "17.6");
        assertEquals("jdbc:postgresql://[::1]:5432/postgres", s.jdbcUrl());
        assertFalse(s.toString().contains("secret"), s.toString());
        assertEquals("jdbc:mysql://h:3306/?allowPublicKeyRetrieval=true&useSSL=false",
                new TestServer("mysql", "h", 3306, "root", null, "explicit", "MySQL", "8.4.3").jdbcUrl());
        assertEquals("", new TestServer("mysql", "h", 3306, "root", null, "explicit", "MySQL", "8.4.3").password());
        assertEquals("10.11.6", TestServer.versionNumber("5.5.5-10.11.6-MariaDB-0+deb12u1"));
        assertEquals("11.4.5", TestServer.versionNumber("11.4.5-MariaDB"));
        assertEquals("15.14", TestServer.versionNumber("15.14 (Debian 15.14-0+deb12u1)"));
        assertEquals(Backend.MYSQL, Backend.of("MariaDB"));
        assertEquals(Backend.POSTGRESQL, Backend.of("postgres"));
        assertThrows(IllegalArgumentException.class, () -> Backend.of("oracle"));
    }

    @Test
    void unavailableMessageSaysHowToProvideAServer() {
        String m = TestServers.unavailable(Backend.MYSQL, "nothing", null).getMessage();
        for (String s : new String[] {"datajoint.test.mysql.host", "datajoint.test.mysql.port", "datajoint.test.mysql.user",
                "datajoint.test.mysql.password", "DJ_TEST_MYSQL_HOST", "DJ_TEST_MYSQL_PORT", "DJ_TEST_MYSQL_USER",
                "DJ_TEST_MYSQL_PASSWORD", "-Dtck.argLine"}) {
            assertTrue(m.contains(s), s + " in " + m);
        }
    }
}
