package org.datajoint;

import java.util.Map;
import java.util.Set;

/**
 * A tree of typed DataJoint settings, addressed by dotted keys ({@code database.host},
 * {@code display.limit}, {@code jobs.default_priority}); {@code a__b} is accepted wherever
 * {@code a.b} is.
 *
 * <p>Sources, highest first: values set here (or given to {@link Instance.Builder#set}), the
 * environment ({@code DJ_HOST}, {@code DJ_USER}, {@code DJ_PASS}, {@code DJ_PORT}, {@code DJ_BACKEND},
 * {@code DJ_USE_TLS}, {@code DJ_IGNORE_CONFIG_FILE}, ...), the {@code .secrets/} directory, the
 * {@code datajoint.json} file found from the working directory upwards, and built-in defaults.
 *
 * <p>Every value is validated when set: an unknown key or a value of the wrong type throws
 * {@link ConfigException} naming the key. Connection settings ({@code database.*},
 * {@code connection.*}) are fixed once the owning instance's pool has opened; runtime settings
 * ({@code safemode}, {@code display.*}, {@code jobs.*}, {@code loglevel}) may change at any time and
 * take effect at the next read. Implementations are thread-safe. {@link #toString()} never shows
 * a password or secret.
 */
public interface Config {

    /** The value of a key, converted to its declared type; {@code null} when unset and without default. */
    Object get(String key);

    /** The value of a key as text, or {@code null}. */
    String getString(String key);

    /** The value of an integer key. Throws {@link ConfigException} if the key is not an integer setting or is unset. */
    int getInt(String key);

    /** The value of a boolean key. Throws {@link ConfigException} if the key is not a boolean setting or is unset. */
    boolean getBoolean(String key);

    /**
     * Sets a key, validating the value against the key's type ({@code "true"}, {@code "25"} and the
     * like are accepted as text). Returns this config for chaining.
     *
     * @throws ConfigException for an unknown key, a bad value, or a connection setting of an open instance
     */
    Config set(String key, Object value);

    /**
     * Sets values until the returned scope is closed, then restores the previous ones:
     * {@code try (var s = config.override(Map.of("safemode", false))) { ... }}.
     * Overrides are visible to every thread using this config.
     */
    Scope override(Map<String, ?> values);

    /** One-key form of {@link #override(Map)}. */
    default Scope override(String key, Object value) {
        return override(Map.of(key, value));
    }

    /** A deep, independent copy: changes to either never reach the other. */
    Config copy();

    /** Every key that currently has a value (set, loaded or defaulted). */
    Set<String> keys();

    /** Where a key's current value came from: {@code override}, {@code environment}, {@code secrets}, {@code file} or {@code default}. */
    String source(String key);

    /** The confirmer asked before destructive operations when safemode is on. */
    Confirmer confirmer();

    /** Replaces the confirmer for this config. Returns this config. */
    Config confirmer(Confirmer confirmer);

    /** Whether safemode is on ({@code safemode} key). */
    default boolean safemode() {
        return getBoolean("safemode");
    }

    /** A scoped override; closing it restores the values it replaced. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
