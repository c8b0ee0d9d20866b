package org.datajoint.dialect.mysql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CoreType;

/** Core types to MySQL types and back. */
final class MySqlTypeMapping {

    private static final Map<String, String> SIMPLE = Map.ofEntries(Map.entry("int8", "tinyint"),
            Map.entry("int16", "smallint"), Map.entry("int32", "int"), Map.entry("int64", "bigint"),
            Map.entry("float32", "float"), Map.entry("float64", "double"), Map.entry("bool", "tinyint"),
            Map.entry("uuid", "binary(16)"), Map.entry("bytes", "longblob"), Map.entry("date", "date"),
            Map.entry("json", "json"));
    private static final Map<String, String> REVERSE = Map.ofEntries(Map.entry("tinyint", "int8"),
            Map.entry("smallint", "int16"), Map.entry("int", "int32"), Map.entry("bigint", "int64"),
            Map.entry("float", "float32"), Map.entry("double", "float64"), Map.entry("binary(16)", "uuid"),
            Map.entry("longblob", "bytes"), Map.entry("date", "date"), Map.entry("json", "json"),
            Map.entry("datetime", "datetime"));
    private static final Pattern PARAMETRISED = Pattern.compile("(char|varchar|datetime|decimal|enum)\\((.*)\\)");

    /** PostgreSQL's native types that MySQL spells differently or reads with another width. */
    private static final Map<String, String> FROM_POSTGRES = Map.of("jsonb", "json", "real", "float");

    private MySqlTypeMapping() {
    }

    /** A native type of the definition in MySQL's spelling; see {@code Dialect.nativeType}. */
    static String nativeType(String declared) {
        return FROM_POSTGRES.getOrDefault(declared.strip().toLowerCase(Locale.ROOT), declared);
    }

    static String sqlType(CoreType type) {
        String simple = SIMPLE.get(type.name());
        if (simple != null) {
            return simple;
        }
        if (type.name().equals("enum")) {
            return "enum(" + String.join(",", type.enumValues().stream()
                    .map(v -> "'" + v.replace("\\", "\\\\").replace("'", "''") + "'").toList()) + ")";
        }
        return type.text();
    }

    static CoreType coreTypeOf(CatalogColumn column) {
        String t = column.sqlType().toLowerCase(Locale.ROOT);
        String simple = REVERSE.get(t);
        if (simple != null) {
            return new CoreType(simple, List.of());
        }
        Matcher m = PARAMETRISED.matcher(t);
        if (!m.matches()) {
            return null;
        }
        List<String> args = m.group(1).equals("enum") ? enumArgs(column.sqlType())
                : List.of(m.group(2).replace(" ", "").split(","));
        return new CoreType(m.group(1), args);
    }

    private static List<String> enumArgs(String sqlType) {
        String inside = sqlType.substring(sqlType.indexOf('(') + 1, sqlType.lastIndexOf(')'));
        return List.of(inside.split(",(?=(?:[^']*'[^']*')*[^']*$)"));
    }
}
