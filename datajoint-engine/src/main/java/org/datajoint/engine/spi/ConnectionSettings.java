package org.datajoint.engine.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The resolved settings a dialect needs to build a JDBC URL and driver properties.
 *
 * @param host server host name
 * @param port server port (already defaulted from the dialect)
 * @param user user name, may be {@code null}
 * @param password password, may be {@code null}; never log it
 * @param useTls {@code true} to require TLS, {@code false} to disable it, {@code null} for the driver's default
 * @param database the database to connect to, for servers where a connection names one; may be {@code null}
 * @param connectTimeout how long to wait for the server to accept a connection and complete the handshake
 */
public record ConnectionSettings(String host, int port, String user, String password, Boolean useTls,
        String database, Duration connectTimeout) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + user + "@" + host + ":" + port + (database == null ? "" : "/" + database)
                + ", useTls=" + useTls + ", connectTimeout=" + connectTimeout + ", password="
                + (password == null ? "null" : "*****") + "]";
    }
}
