package org.datajoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An isolated DataJoint context: its own {@link Config} and its own pooled {@link Connection}, with
 * no global state. Create one per tenant, per test or per database, and close it when done.
 *
 * <pre>{@code
 * try (Instance inst = DataJoint.instance()
 *         .host("localhost").user("root").password("secret")
 *         .backend("postgresql")
 *         .set("safemode", false)
 *         .build()) {
 *     Schema lab = inst.schema("lab");
 * }
 * }</pre>
 *
 * <p>Opening an instance does not connect; the pool opens on first use and holds no idle
 * connections by default. Thread-safe.
 */
public interface Instance extends AutoCloseable {

    /** This instance's configuration. Changes made here are seen by this instance only. */
    Config config();

    /** This instance's connection. */
    Connection connection();

    /**
     * A schema bound to this instance, created on the server if missing. Its name holds letters,
     * digits, {@code _} and {@code $}, of any script within Unicode's Basic Multilingual Plane
     * ({@code lab}, {@code labor_größe}), at most 64 characters and, on PostgreSQL, 63 bytes in
     * UTF-8; any other name is refused with a {@link DataJointException}. Table class and
     * attribute names in definitions are ASCII, as DataJoint's grammar has them.
     */
    Schema schema(String name);

    /**
     * A table of any schema by full name: {@code schema.table} or {@code `schema`.`table`}. Table
     * names made outside DataJoint may hold letters and digits of any script, as schema names may.
     */
    FreeTable freeTable(String fullTableName);

    /** Closes the pool. Calls on a closed instance throw {@link DataJointException}. Idempotent. */
    @Override
    void close();

    /** Collects the settings of a new instance. Obtain one with {@link DataJoint#instance()}. */
    final class Builder {
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private Map<String, String> environment;
        private Path workingDirectory;
        private Config base;
        private Confirmer confirmer;

        Builder() {
        }

        /** Database host name ({@code database.host}). */
        public Builder host(String host) {
            return set("database.host", host);
        }

        /** Database user ({@code database.user}). */
        public Builder user(String user) {
            return set("database.user", user);
        }

        /** Database password ({@code database.password}); never shown by {@code toString()} or logs. */
        public Builder password(String password) {
            return set("database.password", password);
        }

        /** Port ({@code database.port}); when not set, the backend's default (3306, 5432). */
        public Builder port(int port) {
            return set("database.port", port);
        }

        /** Backend ({@code database.backend}): {@code mysql} (default) or {@code postgresql}. */
        public Builder backend(String backend) {
            return set("database.backend", backend);
        }

        /** Whether to require TLS ({@code database.use_tls}). */
        public Builder useTls(boolean useTls) {
            return set("database.use_tls", useTls);
        }

        /** Any config key, {@code a.b} or {@code a__b}; validated when the instance is built. */
        public Builder set(String key, Object value) {
            overrides.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Starts from a deep copy of {@code config} instead of loading the environment and files.
         * Later {@link #set} calls still apply on top.
         */
        public Builder config(Config config) {
            this.base = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Reads {@code DJ_*} variables from this map instead of the process environment. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Looks for {@code datajoint.json} and {@code .secrets/} from this directory upwards instead of the working directory. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The confirmer for safemode prompts of this instance. */
        public Builder confirmer(Confirmer confirmer) {
            this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
            return this;
        }

        /**
         * Builds the instance. Validates every setting; does not connect.
         *
         * @throws ConfigException for an unknown key or a bad value
         */
        public Instance build() {
            Config config = base != null ? base.copy() : DataJoint.provider().loadConfig(sources());
            for (Map.Entry<String, Object> e : overrides.entrySet()) {
                config.set(e.getKey(), e.getValue());
            }
            if (confirmer != null) {
                config.confirmer(confirmer);
            }
            return DataJoint.provider().open(config);
        }

        ConfigSources sources() {
            return new ConfigSources(
                    environment != null ? environment : System.getenv(),
                    workingDirectory != null ? workingDirectory : Path.of(System.getProperty("user.dir")));
        }
    }
}
