package org.datajoint.tck.servers;

import java.util.Locale;

/** The server families the suite can be pointed at, with their conventional defaults. */
enum Backend {
    MYSQL("mysql", 3306, "root", "com.mysql:mysql-connector-j"),
    POSTGRESQL("postgresql", 5432, "postgres", "org.postgresql:postgresql");

    final String id;
    final int defaultPort;
    final String defaultUser;
    final String driverArtifact;

    Backend(String id, int defaultPort, String defaultUser, String driverArtifact) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.defaultUser = defaultUser;
        this.driverArtifact = driverArtifact;
    }

    /** Accepts the backend names of {@code database.backend}, including the aliases {@code mariadb} and {@code postgres}. */
    static Backend of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("backend must not be null; use \"mysql\" or \"postgresql\"");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "mysql", "mariadb" -> MYSQL;
            case "postgresql", "postgres" -> POSTGRESQL;
            default -> throw new IllegalArgumentException(
                    "unknown backend \"" + name + "\"; the test servers know \"mysql\" and \"postgresql\"");
        };
    }

    /** The {@code BACKEND} part of the {@code DJ_TEST_<BACKEND>_*} environment variables. */
    String envName() {
        return id.toUpperCase(Locale.ROOT);
    }

    String property(String key) {
        return "datajoint.test." + id + "." + key;
    }

    String envVariable(String key) {
        return "DJ_TEST_" + envName() + "_" + key.toUpperCase(Locale.ROOT);
    }
}
