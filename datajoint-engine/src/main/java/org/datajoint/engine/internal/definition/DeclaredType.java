package org.datajoint.engine.internal.definition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An attribute type as written in a definition: a core DataJoint type with its arguments, or a
 * native server type passed through.
 *
 * @param core the core type's name ({@code varchar}, {@code int32}), or {@code null} for a native type
 * @param text the canonical text ({@code varchar(16)}, {@code decimal(5,2)}, {@code enum('a','b')}, {@code int unsigned})
 * @param args the core type's arguments ({@code ["16"]}, {@code ["5","2"]}, {@code ["'a'","'b'"]})
 */
public record DeclaredType(String core, String text, List<String> args) {

    private static final List<String> SIMPLE = List.of("int8", "int16", "int32", "int64", "float32", "float64", "bool",
            "uuid", "bytes", "date", "json");
    private static final Pattern SIZED = Pattern.compile("(char|varchar|datetime)\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern ENUM = Pattern.compile("enum\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern ENUM_VALUE = Pattern.compile("\\s*'((?:[^']|'')*)'\\s*(,|$)");
    private static final Pattern NATIVE = Pattern.compile("((tiny|small|medium|big)?int|integer)(\\s*\\(\\d+\\))?"
            + "(\\s+unsigned)?(\\s+auto_increment)?|serial|(double|float|real)(\\s*\\(\\d+(\\s*,\\s*\\d+)?\\))?"
            + "(\\s+unsigned)?|numeric\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\)|(tiny|medium|long)?text"
            + "|(tiny|medium|long)?blob|(time|timestamp)(\\s*\\(\\d\\))?|year|longtext|jsonb");
    private static final Pattern MODIFIER = Pattern.compile(
            "\\b(not\\s+null|null|default|comment|character\\s+set|collate|primary\\s+key|unique)\\b");

    /** Whether this is a core DataJoint type. */
    public boolean isCore() {
        return core != null;
    }

    /** Whether only {@code null} may be the default: binary, json and large-text types. */
    public boolean onlyNullDefault() {
        return "bytes".equals(core) || "json".equals(core) || (core == null && text.matches(".*(blob|text)"));
    }

    /**
     * Parses a type.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static DeclaredType parse(String written) {
        String lower = written.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("<")) {
            throw new IllegalArgumentException("codec types such as " + written.strip() + " are not supported yet");
        }
        if (SIMPLE.contains(lower)) {
            return new DeclaredType(lower, lower, List.of());
        }
        if (lower.equals("datetime")) {
            return new DeclaredType("datetime", "datetime", List.of());
        }
        Matcher m = SIZED.matcher(lower);
        if (m.matches()) {
            return sized(m.group(1), Integer.parseInt(m.group(2)));
        }
        m = DECIMAL.matcher(lower);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            int s = Integer.parseInt(m.group(2));
            if (p < 1 || p > 65 || s > p) {
                throw new IllegalArgumentException("decimal(p,s) needs 1 <= p <= 65 and 0 <= s <= p");
            }
            return new DeclaredType("decimal", "decimal(" + p + "," + s + ")", List.of(m.group(1), m.group(2)));
        }
        m = ENUM.matcher(written.strip());
        if (lower.startsWith("enum") && m.matches()) {
            return enumeration(m.group(1));
        }
        String noModifiers = lower.replaceAll("\\s+", " ");
        if (NATIVE.matcher(noModifiers).matches()) {
            return new DeclaredType(null, noModifiers, List.of());
        }
        Matcher modifier = MODIFIER.matcher(lower);
        if (modifier.find()) {
            throw new IllegalArgumentException("SQL modifier '" + modifier.group(1).toUpperCase(Locale.ROOT)
                    + "' is not allowed in a type; use '= default', '# comment' and the primary key section instead");
        }
        throw new IllegalArgumentException("unknown type '" + written.strip() + "'; core types are " + SIMPLE
                + ", datetime(n), char(n), varchar(n), decimal(p,s), enum(...)");
    }

    private static DeclaredType sized(String name, int n) {
        int max = switch (name) {
            case "char" -> 255;
            case "varchar" -> 65535;
            default -> 6;
        };
        int min = name.equals("datetime") ? 0 : 1;
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + "(n) needs " + min + " <= n <= " + max);
        }
        return new DeclaredType(name, name + "(" + n + ")", List.of(Integer.toString(n)));
    }

    private static DeclaredType enumeration(String inside) {
        Matcher v = ENUM_VALUE.matcher(inside);
        List<String> values = new java.util.ArrayList<>();
        int at = 0;
        while (at < inside.length() && v.find(at) && v.start() == at) {
            values.add("'" + v.group(1) + "'");
            at = v.end();
        }
        if (values.isEmpty() || at < inside.length()) {
            throw new IllegalArgumentException("enum values must be single-quoted strings separated by commas");
        }
        return new DeclaredType("enum", "enum(" + String.join(",", values) + ")", values);
    }
}
