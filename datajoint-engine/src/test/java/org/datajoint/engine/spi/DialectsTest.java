package org.datajoint.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.datajoint.DialectNotFoundException;
import org.datajoint.ServerInfo;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DialectsTest {

    /** A dialect for tests; subclasses differ only by the backends they claim. */
    public static class FakeDialect implements Dialect {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int defaultPort() {
            return 1;
        }

        @Override
        public String jdbcUrl(ConnectionSettings settings) {
            return "jdbc:fake:";
        }

        @Override
        public Properties jdbcProperties(ConnectionSettings settings) {
            return new Properties();
        }

        @Override
        public ServerInfo describe(java.sql.Connection connection) throws SQLException {
            return new ServerInfo(name(), "Fake", "1");
        }

        @Override
        public SQLDialect sqlDialect(ServerInfo server) {
            return SQLDialect.DEFAULT;
        }

        @Override
        public SQLDialect sqlDialect() {
            return SQLDialect.DEFAULT;
        }

        @Override
        public boolean dropSchemaNeedsCascade() {
            return false;
        }

        @Override
        public ErrorKind classify(SQLException error) {
            return ErrorKind.OTHER;
        }

        @Override
        public String sqlType(CoreType type, String schema) {
            return type.text();
        }

        @Override
        public boolean inlineComments() {
            return true;
        }

        @Override
        public boolean inlineIndexes() {
            return true;
        }

        @Override
        public List<CatalogTable> readCatalog(java.sql.Connection connection, List<String> schemas) {
            return List.of();
        }

        @Override
        public CoreType coreTypeOf(CatalogColumn column) {
            return null;
        }

        @Override
        public List<String> referencingSchemas(java.sql.Connection connection, List<String> schemas) {
            return List.of();
        }
    }

    /** Claims {@code twin}. */
    public static class TwinA extends FakeDialect {
        @Override
        public Set<String> backends() {
            return Set.of("twin");
        }
    }

    /** Also claims {@code twin}. */
    public static class TwinB extends TwinA {
    }

    @Test
    void findsTheDialectServingABackendCaseInsensitively() {
        assertInstanceOf(FakeDialect.class, Dialects.forBackend(" FAKE "));
    }

    @Test
    void missingDialectNamesAvailableBackendsTheArtifactAndLoadFailures() {
        DialectNotFoundException e = assertThrows(DialectNotFoundException.class, () -> Dialects.forBackend("postgresql"));
        assertTrue(e.getMessage().startsWith("no dialect for backend 'postgresql'; available: [fake, twin]"), e.getMessage());
        assertTrue(e.getMessage().contains("Add the artifact org.datajoint:datajoint-dialect-postgres"), e.getMessage());
        assertTrue(e.getMessage().contains("org.datajoint.engine.spi.DoesNotExist"), "load error reported: " + e.getMessage());
    }

    @Test
    void ambiguityIsAnErrorUnlessOverridden() {
        DialectNotFoundException e = assertThrows(DialectNotFoundException.class, () -> Dialects.forBackend("twin"));
        assertTrue(e.getMessage().contains("several dialects serve backend 'twin'"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddatajoint.dialect.twin="), e.getMessage());
        System.setProperty("datajoint.dialect.twin", TwinB.class.getName());
        try {
            assertEquals(TwinB.class, Dialects.forBackend("twin").getClass());
        } finally {
            System.clearProperty("datajoint.dialect.twin");
        }
    }

    @Test
    void badOverrideIsReported() {
        System.setProperty("datajoint.dialect.fake", "no.such.Dialect");
        try {
            DialectNotFoundException e = assertThrows(DialectNotFoundException.class, () -> Dialects.forBackend("fake"));
            assertTrue(e.getMessage().contains("no.such.Dialect"), e.getMessage());
        } finally {
            System.clearProperty("datajoint.dialect.fake");
        }
    }
}
