package org.datajoint.dialect.postgres;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.datajoint.ServerInfo;
import org.datajoint.engine.spi.BulkLoader;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CatalogTable;
import org.datajoint.engine.spi.ConnectionSettings;
import org.datajoint.engine.spi.CoreType;
import org.datajoint.engine.spi.Dialect;
import org.datajoint.engine.spi.ErrorKind;
import org.datajoint.engine.spi.SqlSyntax;
import org.jooq.SQLDialect;

/** PostgreSQL 15+ through pgjdbc. A DataJoint schema is a PostgreSQL schema in one database ({@code database.name}, default {@code postgres}). */
public final class PostgresDialect implements Dialect {

    /** The database connected to when {@code database.name} is not set. */
    public static final String DEFAULT_DATABASE = "postgres";
    private static final BulkLoader LOADER = new PostgresBulkLoader();

    /** Used by {@link java.util.ServiceLoader}. */
    public PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Set<String> backends() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String jdbcUrl(ConnectionSettings settings) {
        String db = settings.database() == null || settings.database().isBlank() ? DEFAULT_DATABASE : settings.database();
        return "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + db;
    }

    @Override
    public Properties jdbcProperties(ConnectionSettings settings) {
        Properties p = new Properties();
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        String seconds = Long.toString(Math.max(1, settings.connectTimeout().toSeconds()));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", "0");
        p.setProperty("socketTimeout", seconds);
        p.setProperty("sslmode", settings.useTls() == null ? "prefer" : settings.useTls() ? "require" : "disable");
        p.setProperty("ApplicationName", "datajoint");
        p.setProperty("assumeMinServerVersion", "10");
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("options", "-c TimeZone=UTC -c standard_conforming_strings=on");
        p.setProperty("stringtype", "unspecified");
        return p;
    }

    /**
     * Lifts the socket timeout that bounded the login (set in {@link #jdbcProperties}); queries may
     * take as long as they need. pgjdbc sends the JVM's default zone as the session's
     * {@code TimeZone}, which overrides the {@code options}: outside UTC the session is set back
     * to UTC, so that {@code CURRENT_TIMESTAMP} means the same on every JVM.
     */
    @Override
    public void opened(java.sql.Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, 0);
        String zone = connection.unwrap(org.postgresql.PGConnection.class).getParameterStatus("TimeZone");
        if (!"UTC".equals(zone) && !"Etc/UTC".equals(zone)) {
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
        }
    }

    @Override
    public ServerInfo describe(java.sql.Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        int space = version.indexOf(' ');
        return new ServerInfo(name(), "PostgreSQL", space > 0 ? version.substring(0, space) : version);
    }

    @Override
    public SQLDialect sqlDialect(ServerInfo server) {
        return SQLDialect.POSTGRES;
    }

    @Override
    public SQLDialect sqlDialect() {
        return SQLDialect.POSTGRES;
    }

    /** Standard-conforming strings, which every session sets ({@link #jdbcProperties}) whatever the server's default. */
    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    public boolean dropSchemaNeedsCascade() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public ErrorKind classify(SQLException error) {
        String state = error.getSQLState();
        if (state == null) {
            return ErrorKind.OTHER;
        }
        switch (state) {
            case "23505":
                return ErrorKind.DUPLICATE_KEY;
            case "23503":
                String msg = String.valueOf(error.getMessage());
                return msg.contains("still referenced") ? ErrorKind.ROW_REFERENCED : ErrorKind.MISSING_PARENT;
            case "42703":
                return ErrorKind.UNKNOWN_ATTRIBUTE;
            case "42P01", "3F000":
                return ErrorKind.MISSING_TABLE;
            case "42P07", "42P06":
                return ErrorKind.ALREADY_EXISTS;
            case "28P01", "28000":
                return ErrorKind.AUTHENTICATION_FAILED;
            case "42501":
                return ErrorKind.ACCESS_DENIED;
            case "42601":
                return ErrorKind.SYNTAX;
            case "40001", "40P01", "55P03":
                return ErrorKind.TRANSIENT;
            case "57P01", "57P02", "57P03":
                return ErrorKind.CONNECTION_LOST;
            default:
                return state.startsWith("08") ? ErrorKind.CONNECTION_LOST : ErrorKind.OTHER;
        }
    }

    @Override
    public String sqlType(CoreType type, String schema) {
        return PostgresTypeMapping.sqlType(type, schema);
    }

    @Override
    public String nativeType(String declared) {
        return PostgresTypeMapping.nativeType(declared);
    }

    @Override
    public List<String> typePreparation(CoreType type, String schema) {
        return type.name().equals("enum") ? List.of(PostgresTypeMapping.enumPreparation(type, schema)) : List.of();
    }

    /** PostgreSQL's NAMEDATALEN less one. */
    @Override
    public int maxNameBytes() {
        return 63;
    }

    @Override
    public boolean streamingNeedsTransaction() {
        return true;
    }

    @Override
    public boolean inlineComments() {
        return false;
    }

    @Override
    public boolean inlineIndexes() {
        return false;
    }

    @Override
    public List<CatalogTable> readCatalog(java.sql.Connection connection, List<String> schemas) throws SQLException {
        return PostgresCatalogReader.read(connection, schemas);
    }

    @Override
    public CoreType coreTypeOf(CatalogColumn column) {
        return PostgresTypeMapping.coreTypeOf(column);
    }

    @Override
    public List<String> referencingSchemas(java.sql.Connection connection, List<String> schemas) throws SQLException {
        return PostgresCatalogReader.referencingSchemas(connection, schemas);
    }

    @Override
    public boolean textHoldsNul() {
        return false;
    }

    @Override
    public java.util.Optional<BulkLoader> bulkLoader() {
        return java.util.Optional.of(LOADER);
    }

    @Override
    public String function(String upperName, List<String> args) {
        return PostgresFunctions.translate(upperName, args);
    }
}
