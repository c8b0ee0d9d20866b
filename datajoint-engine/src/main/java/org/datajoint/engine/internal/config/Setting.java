package org.datajoint.engine.internal.config;

import java.util.List;
import java.util.Locale;
import org.datajoint.ConfigException;

/**
 * One known configuration key: its type, default, environment variable and whether it is fixed
 * once a connection pool opens.
 */
record Setting(String key, Kind kind, Object defaultValue, String envVar, boolean connectionScoped,
        List<String> choices, long min, long max) {

    enum Kind { STRING, SECRET, INT, BOOL, CHOICE }

    static Setting string(String key, String def) {
        return new Setting(key, Kind.STRING, def, null, isConnectionKey(key), List.of(), 0, 0);
    }

    static Setting secret(String key) {
        return new Setting(key, Kind.SECRET, null, null, isConnectionKey(key), List.of(), 0, 0);
    }

    static Setting integer(String key, Integer def, long min, long max) {
        return new Setting(key, Kind.INT, def, null, isConnectionKey(key), List.of(), min, max);
    }

    static Setting bool(String key, Boolean def) {
        return new Setting(key, Kind.BOOL, def, null, isConnectionKey(key), List.of(), 0, 0);
    }

    static Setting choice(String key, String def, String... choices) {
        return new Setting(key, Kind.CHOICE, def, null, isConnectionKey(key), List.of(choices), 0, 0);
    }

    Setting env(String variable) {
        return new Setting(key, kind, defaultValue, variable, connectionScoped, choices, min, max);
    }

    private static boolean isConnectionKey(String key) {
        return key.startsWith("database.") || key.startsWith("connection.");
    }

    /** Converts and validates a value for this key; {@code null} clears it. */
    Object convert(Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case STRING, SECRET -> value.toString();
            case INT -> toInt(value);
            case BOOL -> toBool(value);
            case CHOICE -> toChoice(value);
        };
    }

    private Integer toInt(Object value) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof String s) {
            try {
                v = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw bad(value, "an integer");
            }
        } else {
            throw bad(value, "an integer");
        }
        if (v < min || v > max) {
            throw new ConfigException("Config key '" + key + "' must be between " + min + " and " + max + "; got " + v);
        }
        return (int) v;
    }

    private Boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on":
                    return true;
                case "false", "0", "no", "off":
                    return false;
                default:
                    break;
            }
        }
        throw bad(value, "a boolean (true/false, 1/0, yes/no)");
    }

    private String toChoice(Object value) {
        String s = value.toString().strip();
        for (String c : choices) {
            if (c.equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new ConfigException("Config key '" + key + "' must be one of " + choices + "; got '" + s + "'");
    }

    private ConfigException bad(Object value, String expected) {
        return new ConfigException("Config key '" + key + "' must be " + expected + "; got "
                + value.getClass().getSimpleName() + (kind == Kind.SECRET ? "" : " '" + value + "'"));
    }
}
