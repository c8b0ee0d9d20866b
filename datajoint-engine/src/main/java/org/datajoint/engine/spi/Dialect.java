package org.datajoint.engine.spi;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.datajoint.ServerInfo;
import org.jooq.SQLDialect;

/**
 * A database backend. Implementations are stateless, thread-safe, and found with
 * {@link java.util.ServiceLoader}; see the package documentation for how to write one.
 */
public interface Dialect {

    /** The primary backend name, as users write it in {@code database.backend} ({@code mysql}, {@code postgresql}). */
    String name();

    /** Every backend name this dialect answers to, including {@link #name()} and aliases ({@code mariadb}). Lower case. */
    default Set<String> backends() {
        return Set.of(name());
    }

    /** The server's default TCP port, used when {@code database.port} is not set. */
    int defaultPort();

    /**
     * The JDBC URL for these settings. Credentials are passed separately, in
     * {@link #jdbcProperties(ConnectionSettings)}, never in the URL.
     */
    String jdbcUrl(ConnectionSettings settings);

    /**
     * Driver properties for these settings: user, password, TLS, timeouts, and whatever makes the
     * driver fast (batch rewriting, prepared-statement caching).
     */
    Properties jdbcProperties(ConnectionSettings settings);

    /**
     * Prepares each new physical connection before the pool hands it out, without a round trip
     * where the driver allows it; nothing by default. Connections are opened with the driver's
     * own login timeout off, since pgjdbc would start a thread per connection for it: a dialect
     * whose driver could wait forever for a silent server bounds the login another way in
     * {@link #jdbcProperties} (a socket timeout) and lifts that bound here.
     */
    default void opened(java.sql.Connection connection) throws SQLException {
    }

    /**
     * Identifies the server behind an open connection; tells MySQL from MariaDB. Should not need a
     * round trip (drivers know the version from the handshake).
     */
    ServerInfo describe(java.sql.Connection connection) throws SQLException;

    /**
     * The longest schema or table name, in UTF-8 bytes, that the server keeps whole; a longer name
     * is refused rather than cut short (PostgreSQL truncates identifiers beyond 63 bytes). Names
     * are limited to 64 characters on every server besides.
     */
    default int maxNameBytes() {
        return Integer.MAX_VALUE;
    }

    /** The jOOQ dialect that renders SQL for this server. */
    SQLDialect sqlDialect(ServerInfo server);

    /** The jOOQ dialect used to render before any server is known. */
    SQLDialect sqlDialect();

    /**
     * Whether {@code DROP SCHEMA} must say {@code CASCADE} to drop a schema that holds tables
     * (PostgreSQL), rather than dropping them implicitly (MySQL).
     */
    boolean dropSchemaNeedsCascade();

    /**
     * Whether a transaction's rollback undoes the {@code CREATE TABLE} and other DDL it ran
     * (PostgreSQL). When not (MySQL, where DDL commits implicitly), the engine drops what a failed
     * declaration created itself.
     */
    default boolean transactionalDdl() {
        return false;
    }

    /**
     * Whether the server's {@code REPLACE} statement deletes every row that conflicts with a new
     * row on its primary key or any unique index and then inserts the new row (MySQL). When not,
     * the engine deletes those rows itself before a plain {@code INSERT}.
     */
    default boolean replacesConflictingRows() {
        return false;
    }

    /** What a server error means, from its SQLState and vendor code. Never throws. */
    ErrorKind classify(SQLException error);

    // ---- declaration ----

    /**
     * The server type of a core type in a table of {@code schema}, for example {@code int},
     * {@code double precision}, {@code "lab"."enum_1a2b3c4d"}.
     */
    String sqlType(CoreType type, String schema);

    /**
     * The server's spelling of a native (non-core) type that a definition names, which may be
     * written for another backend: a PostgreSQL dialect reads MySQL's {@code tinyint},
     * {@code year} and {@code longblob} as {@code smallint}, {@code smallint} and {@code bytea}.
     * Types the server knows, and types with no equivalent, pass unchanged.
     */
    default String nativeType(String declared) {
        return declared;
    }

    /**
     * Statements that must run before a table using {@code type} can be created in
     * {@code schema}, for example creating a named enum type; idempotent; empty for most types.
     */
    default List<String> typePreparation(CoreType type, String schema) {
        return List.of();
    }

    /**
     * Whether column and table comments are written inside {@code CREATE TABLE} (MySQL), rather
     * than by separate {@code COMMENT ON} statements after it (PostgreSQL).
     */
    boolean inlineComments();

    /** Text appended after the closing parenthesis of {@code CREATE TABLE}, before any inline table comment. */
    default String createTableOptions() {
        return "";
    }

    /**
     * Whether secondary indexes are declared inside {@code CREATE TABLE} (MySQL), rather than by
     * separate {@code CREATE INDEX} statements after it (PostgreSQL).
     */
    boolean inlineIndexes();

    /**
     * Whether {@code uuid} values are stored as 16 bytes (MySQL's {@code binary(16)}) rather than
     * bound as {@link java.util.UUID} to a native uuid type.
     */
    default boolean uuidAsBinary() {
        return false;
    }

    /**
     * The SELECT expression that reads a column of this core type without loss; the column
     * itself for most types. MySQL's text protocol prints float columns with six digits, so it
     * reads them as doubles.
     */
    default String selectColumn(CoreType type, String quotedColumn) {
        return quotedColumn;
    }

    /**
     * Whether an insert that skips duplicates must be written as a no-op update of the primary key
     * ({@code ON DUPLICATE KEY UPDATE k = k}) rather than jOOQ's {@code onDuplicateKeyIgnore}. On
     * MySQL and MariaDB that renders {@code INSERT IGNORE}, which also turns a missing parent, a
     * NULL into NOT NULL and an out-of-range value into warnings: rows silently skipped or altered.
     */
    default boolean skipsDuplicatesByNoOpUpdate() {
        return false;
    }

    /**
     * The value to bind for a converted Java value of this core type; the value itself for most.
     * A dialect may send a value as text where its driver would lose precision.
     */
    default Object bindValue(CoreType type, Object value) {
        return value;
    }

    /**
     * A faster way than batched {@code INSERT}s to load many rows in one insert call, if the
     * server has one; none by default.
     */
    default java.util.Optional<BulkLoader> bulkLoader() {
        return java.util.Optional.empty();
    }

    /**
     * Whether text columns can hold the NUL character. Where they cannot (PostgreSQL), a
     * restriction by a text containing NUL matches nothing instead of failing on the server.
     */
    default boolean textHoldsNul() {
        return true;
    }

    /**
     * How this server, in the sessions this dialect opens, reads SQL text: escapes, dollar quotes
     * and comments. Standard SQL by default. User SQL text is read by these rules before it is
     * sent, so a dialect must describe what its sessions really do.
     */
    default SqlSyntax sqlSyntax() {
        return SqlSyntax.STANDARD;
    }

    /**
     * The translation of a function call in user SQL text (restrictions, computed attributes),
     * or {@code null} to keep it as written. Users write either MySQL's or PostgreSQL's
     * spelling; each dialect translates the other's ({@code GROUP_CONCAT} and
     * {@code STRING_AGG} at least). {@code args} are already rewritten for this backend.
     *
     * @param upperName the function name in upper case
     */
    default String function(String upperName, List<String> args) {
        return null;
    }

    /**
     * Makes a query statement stream its rows instead of reading them all into memory. The
     * default sets a fetch size; {@link #streamingNeedsTransaction()} says whether the driver
     * needs autocommit off for it.
     */
    default void enableStreaming(java.sql.Statement statement) throws SQLException {
        statement.setFetchSize(1000);
    }

    /** Whether a streaming cursor works only with autocommit off (PostgreSQL). */
    default boolean streamingNeedsTransaction() {
        return false;
    }

    // ---- catalog ----

    /**
     * Reads every table of the given schemas in a fixed, small number of queries, whatever the
     * number of tables: columns, primary keys, indexes, foreign keys and comments.
     */
    List<CatalogTable> readCatalog(java.sql.Connection connection, List<String> schemas) throws SQLException;

    /**
     * The core type a column of a table not declared by DataJoint corresponds to, or
     * {@code null} to keep the server's type as a native type.
     */
    CoreType coreTypeOf(CatalogColumn column);

    /**
     * The schemas, other than {@code schemas}, holding tables with foreign keys to tables of
     * {@code schemas}, as far as this user can see; one query.
     */
    List<String> referencingSchemas(java.sql.Connection connection, List<String> schemas) throws SQLException;
}
