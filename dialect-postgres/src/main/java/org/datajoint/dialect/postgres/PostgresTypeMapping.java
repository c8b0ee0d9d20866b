package org.datajoint.dialect.postgres;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CoreType;

/** Core types to PostgreSQL types and back; enums become named types per schema. */
final class PostgresTypeMapping {

    private static final Map<String, String> SIMPLE = Map.ofEntries(Map.entry("int8", "smallint"),
            Map.entry("int16", "smallint"), Map.entry("int32", "integer"), Map.entry("int64", "bigint"),
            Map.entry("float32", "real"), Map.entry("float64", "double precision"), Map.entry("bool", "boolean"),
            Map.entry("uuid", "uuid"), Map.entry("bytes", "bytea"), Map.entry("date", "date"),
            Map.entry("json", "jsonb"), Map.entry("datetime", "timestamp"));
    private static final Map<String, String> REVERSE = Map.ofEntries(Map.entry("smallint", "int16"),
            Map.entry("integer", "int32"), Map.entry("bigint", "int64"), Map.entry("real", "float32"),
            Map.entry("double precision", "float64"), Map.entry("boolean", "bool"), Map.entry("uuid", "uuid"),
            Map.entry("bytea", "bytes"), Map.entry("date", "date"), Map.entry("json", "json"), Map.entry("jsonb", "json"),
            Map.entry("timestamp without time zone", "datetime"));
    private static final Pattern TIMESTAMP = Pattern.compile("timestamp\\((\\d)\\) without time zone");
    private static final Pattern SIZED = Pattern.compile("(character varying|character|numeric)\\((.*)\\)");

    /** MySQL's native types, without their display width or {@code unsigned}, to PostgreSQL's. */
    private static final Map<String, String> FROM_MYSQL = Map.ofEntries(Map.entry("tinyint", "smallint"),
            Map.entry("smallint", "smallint"), Map.entry("mediumint", "integer"), Map.entry("int", "integer"),
            Map.entry("integer", "integer"), Map.entry("bigint", "bigint"), Map.entry("year", "smallint"),
            Map.entry("double", "double precision"), Map.entry("float", "real"), Map.entry("tinyblob", "bytea"),
            Map.entry("blob", "bytea"), Map.entry("mediumblob", "bytea"), Map.entry("longblob", "bytea"),
            Map.entry("tinytext", "text"), Map.entry("mediumtext", "text"), Map.entry("longtext", "text"));
    /** Unsigned integers widen to the next type that holds their whole range. */
    private static final Map<String, String> FROM_MYSQL_UNSIGNED = Map.of("tinyint", "smallint",
            "smallint", "integer", "mediumint", "integer", "int", "bigint", "integer", "bigint",
            "bigint", "numeric(20)");
    private static final Map<String, String> SERIAL = Map.of("tinyint", "smallserial", "smallint", "smallserial",
            "mediumint", "serial", "int", "serial", "integer", "serial", "bigint", "bigserial");
    private static final Pattern MYSQL_NATIVE = Pattern.compile(
            "([a-z]+)\\s*(?:\\([0-9, ]*\\))?(\\s+unsigned)?(\\s+auto_increment)?");

    private PostgresTypeMapping() {
    }

    /** A native type of the definition in PostgreSQL's spelling; see {@code Dialect.nativeType}. */
    static String nativeType(String declared) {
        Matcher m = MYSQL_NATIVE.matcher(declared.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || !FROM_MYSQL.containsKey(m.group(1))) {
            return declared;
        }
        String base = m.group(1);
        if (m.group(3) != null && SERIAL.containsKey(base)) {
            return SERIAL.get(base);
        }
        if (m.group(2) != null && FROM_MYSQL_UNSIGNED.containsKey(base)) {
            return FROM_MYSQL_UNSIGNED.get(base);
        }
        return FROM_MYSQL.get(base);
    }

    static String sqlType(CoreType type, String schema) {
        String simple = SIMPLE.get(type.name());
        if (simple != null && type.args().isEmpty()) {
            return simple;
        }
        return switch (type.name()) {
            case "datetime" -> "timestamp(" + type.args().get(0) + ")";
            case "decimal" -> "numeric(" + String.join(",", type.args()) + ")";
            case "enum" -> quote(schema) + "." + quote(enumTypeName(type.enumValues()));
            default -> type.text();
        };
    }

    /** A statement creating the schema's enum type for these values if it is missing. */
    static String enumPreparation(CoreType type, String schema) {
        String values = String.join(", ", type.enumValues().stream().map(PostgresTypeMapping::literal).toList());
        return "DO $$ BEGIN CREATE TYPE " + sqlType(type, schema) + " AS ENUM (" + values + ");"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    /** {@code enum_} and 8 hex digits of the MD5 of the sorted values joined by {@code _}, as DataJoint for Python names them. */
    static String enumTypeName(List<String> values) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(String.join("_", values.stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
            return "enum_" + String.format(Locale.ROOT, "%032x", new BigInteger(1, digest)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static CoreType coreTypeOf(CatalogColumn column) {
        String t = column.sqlType().toLowerCase(Locale.ROOT);
        String simple = REVERSE.get(t);
        if (simple != null) {
            return new CoreType(simple, List.of());
        }
        if (t.startsWith("enum(")) {
            String inside = column.sqlType().substring(5, column.sqlType().length() - 1);
            return new CoreType("enum", List.of(inside.split(",(?=(?:[^']*'[^']*')*[^']*$)")));
        }
        Matcher m = TIMESTAMP.matcher(t);
        if (m.matches()) {
            return new CoreType("datetime", List.of(m.group(1)));
        }
        m = SIZED.matcher(t);
        if (m.matches()) {
            String name = switch (m.group(1)) {
                case "character varying" -> "varchar";
                case "character" -> "char";
                default -> "decimal";
            };
            return new CoreType(name, List.of(m.group(2).replace(" ", "").split(",")));
        }
        return null;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
