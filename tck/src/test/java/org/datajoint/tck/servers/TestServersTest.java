package org.datajoint.tck.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Provisions a real server per backend: embedded when no explicit settings are given, otherwise
 * the configured one (for example {@code -Dtck.argLine="-Ddatajoint.test.postgresql.host=127.0.0.1"}).
 */
class TestServersTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void serverAnswersAndDescribesItself(String backend) throws Exception {
        long started = System.nanoTime();
        TestServer s = TestServers.get(backend);
        System.out.printf(java.util.Locale.ROOT, "DataJoint TCK test: %s provisioned in %.1f s%n", backend,
                (System.nanoTime() - started) / 1e9);
        assertSame(s, TestServers.get(backend), "one server per backend and JVM");
        assertEquals(backend, s.backend());
        boolean explicit = System.getProperty("datajoint.test." + backend + ".host") != null
                || System.getenv("DJ_TEST_" + backend.toUpperCase(java.util.Locale.ROOT) + "_HOST") != null;
        if (explicit) {
            assertEquals("explicit", s.origin());
        }
        assertTrue(Set.of("explicit", "embedded", "containers").contains(s.origin()), s.origin());
        assertTrue(backend.equals("postgresql") ? s.product().equals("PostgreSQL")
                : Set.of("MySQL", "MariaDB").contains(s.product()), s.product());
        assertTrue(s.version().matches("\\d+(\\.\\d+)+"), s.version());
        try (Connection c = s.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        boolean enforces = TestServers.enforcesPasswords(backend);
        System.out.println("DataJoint TCK test: " + backend + " enforcesPasswords=" + enforces);
        if (s.origin().equals("embedded")) {
            assertTrue(enforces, "embedded servers must check passwords");
        }
        assertEquals(enforces, TestServers.enforcesPasswords(backend));
        assertFalse(s.toString().contains("password"), s.toString());
    }
}
