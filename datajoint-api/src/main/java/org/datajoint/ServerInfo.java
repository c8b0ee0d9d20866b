package org.datajoint;

import java.util.Objects;

/**
 * What a connection's server says it is.
 *
 * @param backend the DataJoint backend name ({@code mysql}, {@code postgresql})
 * @param product the server product ({@code MySQL}, {@code MariaDB}, {@code PostgreSQL})
 * @param version the server's version string, as it reports it
 */
public record ServerInfo(String backend, String product, String version) {
    public ServerInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return product + " " + version;
    }
}
