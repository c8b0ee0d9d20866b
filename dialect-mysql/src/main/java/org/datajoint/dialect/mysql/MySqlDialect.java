package org.datajoint.dialect.mysql;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.datajoint.ServerInfo;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CatalogTable;
import org.datajoint.engine.spi.ConnectionSettings;
import org.datajoint.engine.spi.CoreType;
import org.datajoint.engine.spi.Dialect;
import org.datajoint.engine.spi.ErrorKind;
import org.datajoint.engine.spi.SqlSyntax;
import org.jooq.SQLDialect;

/** MySQL 8.0/8.4 and MariaDB 10.11+ through MySQL Connector/J. */
public final class MySqlDialect implements Dialect {

    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

    /** Used by {@link java.util.ServiceLoader}. */
    public MySqlDialect() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public Set<String> backends() {
        return Set.of("mysql", "mariadb");
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String jdbcUrl(ConnectionSettings settings) {
        return "jdbc:mysql://" + settings.host() + ":" + settings.port() + "/";
    }

    /**
     * Strict on every session, whatever the server's default: an over-long string, an
     * out-of-range number or an invalid date is an error, as on PostgreSQL, never a silent
     * truncation. (Not ONLY_FULL_GROUP_BY: MariaDB does not see functional dependence on a key.)
     * STRICT_TRANS_TABLES adds nothing to STRICT_ALL_TABLES but spares the round trip Connector/J
     * would spend adding it.
     */
    static final String SQL_MODE = "STRICT_ALL_TABLES,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    /**
     * Connector/J settings chosen so that a new session costs one statement after the handshake
     * (the session variables): the server configuration is cached per JVM, autocommit and the
     * isolation level are tracked locally, and results are asked for in UTF-8, the session's
     * character set after the handshake, which spares the {@code SET character_set_results} the
     * driver otherwise sends.
     */
    @Override
    public Properties jdbcProperties(ConnectionSettings settings) {
        Properties p = new Properties();
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        String timeoutMillis = Long.toString(settings.connectTimeout().toMillis());
        p.setProperty("connectTimeout", timeoutMillis);
        p.setProperty("socketTimeout", timeoutMillis);
        p.setProperty("sslMode", settings.useTls() == null ? "PREFERRED" : settings.useTls() ? "REQUIRED" : "DISABLED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        p.setProperty("characterEncoding", "UTF-8");
        p.setProperty("characterSetResults", "UTF-8");
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("rewriteBatchedStatements", "true");
        p.setProperty("cachePrepStmts", "true");
        p.setProperty("prepStmtCacheSize", "250");
        p.setProperty("prepStmtCacheSqlLimit", "2048");
        p.setProperty("useLocalSessionState", "true");
        p.setProperty("cacheServerConfiguration", "true");
        p.setProperty("elideSetAutoCommits", "true");
        p.setProperty("maintainTimeStats", "false");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("yearIsDateType", "false");
        p.setProperty("sessionVariables", "sql_mode='" + SQL_MODE + "',time_zone='+00:00'");
        return p;
    }

    /** Lifts the socket timeout that bounded the handshake (set in {@link #jdbcProperties}); queries may take as long as they need. */
    @Override
    public void opened(java.sql.Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, 0);
    }

    @Override
    public ServerInfo describe(java.sql.Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        boolean maria = version.contains("MariaDB");
        if (version.startsWith("5.5.5-")) {
            version = version.substring("5.5.5-".length());
        }
        int dash = version.indexOf('-');
        return new ServerInfo(name(), maria ? "MariaDB" : "MySQL", dash > 0 ? version.substring(0, dash) : version);
    }

    @Override
    public SQLDialect sqlDialect(ServerInfo server) {
        return "MariaDB".equals(server.product()) ? SQLDialect.MARIADB : SQLDialect.MYSQL;
    }

    @Override
    public SQLDialect sqlDialect() {
        return SQLDialect.MYSQL;
    }

    /** Backslash escapes on: {@link #SQL_MODE} leaves out {@code NO_BACKSLASH_ESCAPES} whatever the server's default. */
    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public boolean dropSchemaNeedsCascade() {
        return false;
    }

    @Override
    public boolean replacesConflictingRows() {
        return true;
    }

    @Override
    public ErrorKind classify(SQLException error) {
        switch (error.getErrorCode()) {
            case 1062, 1586:
                return ErrorKind.DUPLICATE_KEY;
            case 1452, 1216:
                return ErrorKind.MISSING_PARENT;
            case 1451, 1217:
                return ErrorKind.ROW_REFERENCED;
            case 1054:
                return ErrorKind.UNKNOWN_ATTRIBUTE;
            case 1146, 1049, 1051:
                return ErrorKind.MISSING_TABLE;
            case 1050, 1007:
                return ErrorKind.ALREADY_EXISTS;
            case 1045, 1698:
                return ErrorKind.AUTHENTICATION_FAILED;
            case 1044, 1142, 1143, 1227, 1370:
                return ErrorKind.ACCESS_DENIED;
            case 1064, 1149:
                return ErrorKind.SYNTAX;
            case 1205, 1213:
                return ErrorKind.TRANSIENT;
            case 1927, 2006, 2013, 1053, 4031:
                return ErrorKind.CONNECTION_LOST;
            default:
                break;
        }
        String state = error.getSQLState();
        if (state == null) {
            return ErrorKind.OTHER;
        }
        if (state.startsWith("08")) {
            return ErrorKind.CONNECTION_LOST;
        }
        if (state.equals("28000")) {
            return ErrorKind.AUTHENTICATION_FAILED;
        }
        if (state.equals("40001")) {
            return ErrorKind.TRANSIENT;
        }
        return ErrorKind.OTHER;
    }

    @Override
    public String sqlType(CoreType type, String schema) {
        return MySqlTypeMapping.sqlType(type);
    }

    @Override
    public String nativeType(String declared) {
        return MySqlTypeMapping.nativeType(declared);
    }

    @Override
    public boolean uuidAsBinary() {
        return true;
    }

    @Override
    public String selectColumn(CoreType type, String quotedColumn) {
        return type.name().equals("float32") ? "(" + quotedColumn + " + 0e0)" : quotedColumn;
    }

    /**
     * Datetimes go as text with all six fractional digits: Connector/J drops fractional seconds
     * for servers it takes for MySQL 5.5 (MariaDB 10 announces itself as {@code 5.5.5-10...}).
     */
    @Override
    public String function(String upperName, List<String> args) {
        return MySqlFunctions.translate(upperName, args);
    }

    @Override
    public Object bindValue(CoreType type, Object value) {
        if (value instanceof java.time.LocalDateTime t) {
            return DATETIME.format(t);
        }
        return value;
    }

    @Override
    public boolean skipsDuplicatesByNoOpUpdate() {
        return true;
    }

    /** Connector/J streams row by row when the fetch size is {@link Integer#MIN_VALUE}. */
    @Override
    public void enableStreaming(java.sql.Statement statement) throws SQLException {
        statement.setFetchSize(Integer.MIN_VALUE);
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
    public String createTableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public List<CatalogTable> readCatalog(java.sql.Connection connection, List<String> schemas) throws SQLException {
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        return MySqlCatalogReader.read(connection, schemas, mariaDb);
    }

    @Override
    public CoreType coreTypeOf(CatalogColumn column) {
        return MySqlTypeMapping.coreTypeOf(column);
    }

    @Override
    public List<String> referencingSchemas(java.sql.Connection connection, List<String> schemas) throws SQLException {
        return MySqlCatalogReader.referencingSchemas(connection, schemas);
    }
}
