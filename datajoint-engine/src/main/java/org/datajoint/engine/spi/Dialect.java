package org.datajoint.engine.spi;

import java.sql.SQLException;
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

    /** Identifies the server behind an open connection; tells MySQL from MariaDB. */
    ServerInfo describe(java.sql.Connection connection) throws SQLException;

    /** The jOOQ dialect that renders SQL for this server. */
    SQLDialect sqlDialect(ServerInfo server);

    /** The jOOQ dialect used to render before any server is known. */
    SQLDialect sqlDialect();

    /**
     * Whether {@code DROP SCHEMA} must say {@code CASCADE} to drop a schema that holds tables
     * (PostgreSQL), rather than dropping them implicitly (MySQL).
     */
    boolean dropSchemaNeedsCascade();

    /** What a server error means, from its SQLState and vendor code. Never throws. */
    ErrorKind classify(SQLException error);
}
