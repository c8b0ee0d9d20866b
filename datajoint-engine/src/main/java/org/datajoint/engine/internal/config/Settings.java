package org.datajoint.engine.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.datajoint.ConfigException;

/**
 * The registry of DataJoint's configuration keys, with DataJoint for Python's names and defaults,
 * plus the JVM's pool settings under {@code connection.*}. Keys under {@code stores.} are free-form.
 */
final class Settings {

    static final String STORES_PREFIX = "stores.";

    private static final Map<String, Setting> KNOWN = new LinkedHashMap<>();

    static {
        add(Setting.string("database.host", "localhost").env("DJ_HOST"));
        add(Setting.string("database.user", null).env("DJ_USER"));
        add(Setting.secret("database.password").env("DJ_PASS"));
        add(Setting.string("database.backend", BackendDefaults.DEFAULT_BACKEND).env("DJ_BACKEND"));
        add(Setting.integer("database.port", null, 1, 65535).env("DJ_PORT"));
        add(Setting.string("database.name", null).env("DJ_DATABASE_NAME"));
        add(Setting.bool("database.reconnect", true));
        add(Setting.bool("database.use_tls", null).env("DJ_USE_TLS"));
        add(Setting.string("database.database_prefix", "").env("DJ_DATABASE_PREFIX"));
        add(Setting.bool("database.create_tables", true).env("DJ_CREATE_TABLES"));
        add(Setting.string("connection.charset", ""));
        add(Setting.integer("connection.max_pool_size", 10, 1, 10_000));
        add(Setting.integer("connection.idle_timeout", 600, 10, Integer.MAX_VALUE));
        add(Setting.integer("connection.max_lifetime", 1800, 30, Integer.MAX_VALUE));
        add(Setting.integer("connection.connect_timeout", 10, 1, 3600));
        add(Setting.integer("display.limit", 12, 1, Integer.MAX_VALUE));
        add(Setting.integer("display.width", 14, 1, Integer.MAX_VALUE));
        add(Setting.bool("display.show_tuple_count", true));
        add(Setting.choice("display.diagram_direction", "LR", "TB", "LR").env("DJ_DIAGRAM_DIRECTION"));
        add(Setting.choice("display.diagram_theme", "auto", "light", "dark", "auto").env("DJ_DIAGRAM_THEME"));
        add(Setting.bool("jobs.auto_refresh", true).env("DJ_JOBS_AUTO_REFRESH"));
        add(Setting.bool("jobs.keep_completed", false).env("DJ_JOBS_KEEP_COMPLETED"));
        add(Setting.integer("jobs.stale_timeout", 3600, 0, Integer.MAX_VALUE).env("DJ_JOBS_STALE_TIMEOUT"));
        add(Setting.integer("jobs.default_priority", 5, 0, 255).env("DJ_JOBS_DEFAULT_PRIORITY"));
        add(Setting.choice("jobs.version_method", null, "git", "none").env("DJ_JOBS_VERSION_METHOD"));
        add(Setting.bool("jobs.allow_new_pk_fields_in_computed_tables", false));
        add(Setting.bool("jobs.add_job_metadata", false).env("DJ_JOBS_ADD_JOB_METADATA"));
        add(Setting.choice("loglevel", "INFO", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL").env("DJ_LOG_LEVEL"));
        add(Setting.bool("safemode", true).env("DJ_SAFEMODE"));
        add(Setting.bool("ignore_config_file", false).env("DJ_IGNORE_CONFIG_FILE"));
        add(Setting.string("query_cache", null));
        add(Setting.string("download_path", "."));
    }

    private Settings() {
    }

    private static void add(Setting s) {
        KNOWN.put(s.key(), s);
    }

    /** Every registered key, in declaration order. */
    static Set<String> keys() {
        return KNOWN.keySet();
    }

    /** All registered settings. */
    static Iterable<Setting> all() {
        return KNOWN.values();
    }

    /** {@code a__b} becomes {@code a.b}; surrounding blanks are removed. */
    static String normalize(String key) {
        if (key == null || key.isBlank()) {
            throw new ConfigException("Config key must not be empty");
        }
        return key.strip().replace("__", ".");
    }

    /** The setting for a normalized key; free-form settings for {@code stores.*}. */
    static Setting lookup(String key) {
        Setting s = KNOWN.get(key);
        if (s != null) {
            return s;
        }
        if (key.startsWith(STORES_PREFIX) && key.length() > STORES_PREFIX.length()) {
            return isSecretStoreKey(key) ? Setting.secret(key) : Setting.string(key, null);
        }
        throw new ConfigException("Unknown config key '" + key + "'. Known keys: " + KNOWN.keySet()
                + " and stores.<name>.<attribute>");
    }

    private static boolean isSecretStoreKey(String key) {
        return key.endsWith("secret_key") || key.endsWith("access_key") || key.endsWith("account_key")
                || key.endsWith("token") || key.endsWith("password") || key.endsWith("connection_string");
    }
}
