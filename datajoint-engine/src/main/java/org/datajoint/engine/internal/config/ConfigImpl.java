package org.datajoint.engine.internal.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.datajoint.Config;
import org.datajoint.ConfigException;
import org.datajoint.Confirmer;

/**
 * The engine's {@link Config}: a thread-safe map of validated values, each remembering its source.
 * Connection settings can be frozen when a pool opens.
 */
public final class ConfigImpl implements Config {

    /** Where a value came from, highest precedence first. */
    public enum Source {
        OVERRIDE, ENVIRONMENT, SECRETS, FILE, DEFAULT;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Entry(Object value, Source source) {
    }

    private static final Entry UNSET = new Entry(null, Source.DEFAULT);

    private final Map<String, Entry> values;
    private final ToIntFunction<String> defaultPort;
    private volatile boolean connectionFrozen;
    private volatile Confirmer confirmer;

    /**
     * An empty config holding only defaults.
     *
     * @param defaultPort the default port of a backend name, or a negative number when unknown
     */
    public ConfigImpl(ToIntFunction<String> defaultPort) {
        this(new ConcurrentHashMap<>(), defaultPort, Confirmer.console());
        for (Setting s : Settings.all()) {
            if (s.defaultValue() != null) {
                values.put(s.key(), new Entry(s.defaultValue(), Source.DEFAULT));
            }
        }
    }

    private ConfigImpl(Map<String, Entry> values, ToIntFunction<String> defaultPort, Confirmer confirmer) {
        this.values = values;
        this.defaultPort = defaultPort;
        this.confirmer = confirmer;
    }

    /** Sets a value on behalf of a source, honouring precedence: a lower source never replaces a higher one. */
    void load(String key, Object value, Source source) {
        String k = Settings.normalize(key);
        Setting s = Settings.lookup(k);
        Entry current = values.getOrDefault(k, UNSET);
        if (current != UNSET && current.source().ordinal() < source.ordinal()) {
            return;
        }
        values.put(k, new Entry(s.convert(value), source));
    }

    /** After this, connection settings ({@code database.*}, {@code connection.*}) can no longer change. */
    public void freezeConnectionSettings() {
        connectionFrozen = true;
    }

    @Override
    public Object get(String key) {
        String k = Settings.normalize(key);
        Settings.lookup(k);
        Object v = values.getOrDefault(k, UNSET).value();
        if (v == null && k.equals("database.port")) {
            int port = defaultPort.applyAsInt(getString("database.backend"));
            return port > 0 ? port : null;
        }
        return v;
    }

    @Override
    public String getString(String key) {
        Object v = get(key);
        return v == null ? null : v.toString();
    }

    @Override
    public int getInt(String key) {
        return typed(key, Integer.class);
    }

    @Override
    public boolean getBoolean(String key) {
        return typed(key, Boolean.class);
    }

    private <T> T typed(String key, Class<T> type) {
        Object v = get(key);
        if (v == null) {
            throw new ConfigException("Config key '" + Settings.normalize(key) + "' is not set");
        }
        if (!type.isInstance(v)) {
            throw new ConfigException("Config key '" + Settings.normalize(key) + "' holds " + v.getClass().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public Config set(String key, Object value) {
        String k = Settings.normalize(key);
        Setting s = Settings.lookup(k);
        checkNotFrozen(s);
        values.put(k, new Entry(s.convert(value), Source.OVERRIDE));
        return this;
    }

    private void checkNotFrozen(Setting s) {
        if (connectionFrozen && s.connectionScoped()) {
            throw new ConfigException("Config key '" + s.key() + "' is a connection setting and is fixed once the"
                    + " instance's connection pool has opened; build a new instance with the new value instead");
        }
    }

    @Override
    public Scope override(Map<String, ?> overrides) {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            String k = Settings.normalize(e.getKey());
            Setting s = Settings.lookup(k);
            checkNotFrozen(s);
            converted.put(k, s.convert(e.getValue()));
        }
        Map<String, Entry> previous = new HashMap<>();
        synchronized (this) {
            converted.forEach((k, v) -> {
                previous.put(k, values.getOrDefault(k, UNSET));
                values.put(k, new Entry(v, Source.OVERRIDE));
            });
        }
        return new Scope() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (ConfigImpl.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    previous.forEach((k, old) -> {
                        if (old == UNSET) {
                            values.remove(k);
                        } else {
                            values.put(k, old);
                        }
                    });
                }
            }
        };
    }

    @Override
    public Config copy() {
        return new ConfigImpl(new ConcurrentHashMap<>(values), defaultPort, confirmer);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>(values.keySet());
        if (get("database.port") != null) {
            keys.add("database.port");
        }
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public String source(String key) {
        String k = Settings.normalize(key);
        Settings.lookup(k);
        Entry e = values.get(k);
        if (e == null) {
            return get(k) == null ? null : Source.DEFAULT.label();
        }
        return e.source().label();
    }

    @Override
    public Confirmer confirmer() {
        return confirmer;
    }

    @Override
    public Config confirmer(Confirmer confirmer) {
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        return this;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>();
        values.forEach((k, e) -> shown.put(k, Settings.lookup(k).kind() == Setting.Kind.SECRET && e.value() != null
                ? "*****" : e.value()));
        return "Config" + shown;
    }
}
