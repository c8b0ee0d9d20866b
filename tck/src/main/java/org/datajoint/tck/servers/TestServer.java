package org.datajoint.tck.servers;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server the conformance suite runs against, as provided by {@link TestServers}.
 *
 * @param backend  {@code mysql} (MySQL or MariaDB) or {@code postgresql}
 * @param host     host name or address of the server
 * @param port     TCP port of the server
 * @param user     an administrative user that may create schemas and users
 * @param password that user's password, empty when none; never shown by {@link #toString()}
 * @param origin   how the server was obtained: {@code explicit}, {@code embedded} or {@code containers}
 * @param product  {@code MySQL}, {@code MariaDB} or {@code PostgreSQL}, as reported by the server
 * @param version  the server version as reported by the server, for example {@code 17.6} or {@code 11.4.5}
 */
public record TestServer(String backend, String host, int port, String user, String password, String origin,
                         String product, String version) {

    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** Checks the components; a {@code null} password is taken as empty. */
    public TestServer {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(origin, "origin");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        password = password == null ? "" : password;
    }

    /**
     * A plain JDBC URL for the server: {@code jdbc:postgresql://host:port/postgres} or
     * {@code jdbc:mysql://host:port/?allowPublicKeyRetrieval=true&useSSL=false}.
     */
    public String jdbcUrl() {
        String address = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        return Backend.of(backend) == Backend.POSTGRESQL
                ? "jdbc:postgresql://" + address + "/postgres"
                : "jdbc:mysql://" + address + "/?allowPublicKeyRetrieval=true&useSSL=false";
    }

    /**
     * Opens a JDBC connection as {@link #user()} through {@link DriverManager}; the caller closes it.
     * The driver ({@code org.postgresql:postgresql} or {@code com.mysql:mysql-connector-j}) must be on
     * the class path.
     *
     * @throws SQLException when the server refuses or does not answer within a few seconds, or no driver is found
     */
    public Connection openJdbc() throws SQLException {
        Backend b = Backend.of(backend);
        String url = jdbcUrl();
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SQLException("No JDBC driver for " + url + " on the class path; add " + b.driverArtifact
                    + " to the test dependencies", "08001", e);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        if (b == Backend.POSTGRESQL) {
            props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        } else {
            props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 1000));
        }
        return DriverManager.getConnection(url, props);
    }

    /** Like the generated form, without the password. */
    @Override
    public String toString() {
        return "TestServer[backend=" + backend + ", host=" + host + ", port=" + port + ", user=" + user
                + ", origin=" + origin + ", product=" + product + ", version=" + version + "]";
    }

    /** The same server reached as another user. */
    TestServer as(String otherUser, String otherPassword) {
        return new TestServer(backend, host, port, otherUser, otherPassword, origin, product, version);
    }

    /** Connects once and fills product and version from the server's {@link DatabaseMetaData}. */
    static TestServer connect(Backend backend, String host, int port, String user, String password, String origin)
            throws SQLException {
        TestServer unprobed = new TestServer(backend.id, host, port, user, password, origin, null, null);
        try (Connection c = unprobed.openJdbc()) {
            DatabaseMetaData md = c.getMetaData();
            String reported = md.getDatabaseProductVersion();
            String product = backend == Backend.POSTGRESQL ? "PostgreSQL"
                    : reported.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            return new TestServer(backend.id, host, port, user, password, origin, product, versionNumber(reported));
        }
    }

    /**
     * The dotted version number in a reported version such as {@code 5.5.5-10.11.6-MariaDB-0+deb12u1}
     * or {@code 15.14 (Debian 15.14-0+deb12u1)}.
     */
    static String versionNumber(String reported) {
        String v = reported.startsWith("5.5.5-") ? reported.substring("5.5.5-".length()) : reported;
        Matcher m = VERSION_NUMBER.matcher(v);
        return m.lookingAt() ? m.group() : v.trim();
    }
}
