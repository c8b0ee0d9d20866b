package org.datajoint.engine.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DataJointException;

/** Validation and parsing of schema and table names. Names are always quoted when rendered; these rules keep them portable. */
final class Names {

    /** Longest schema or table name every supported server accepts. */
    static final int MAX_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$#~][A-Za-z0-9_$#~]*");
    private static final Pattern FULL = Pattern.compile("^\\s*(?:[`\"]([^`\"]+)[`\"]|([^.`\"\\s]+))\\s*\\.\\s*"
            + "(?:[`\"]([^`\"]+)[`\"]|([^.`\"\\s]+))\\s*$");

    private Names() {
    }

    /** Checks a schema name: letters, digits, {@code _} and {@code $}, at most 64 characters. */
    static String schema(String name) {
        if (name == null || name.isBlank()) {
            throw new DataJointException("Schema name must not be empty");
        }
        if (name.length() > MAX_LENGTH || !name.matches("[A-Za-z0-9_$]+")) {
            throw new DataJointException("Invalid schema name '" + name + "': use at most " + MAX_LENGTH
                    + " letters, digits, '_' or '$'");
        }
        return name;
    }

    /** Checks a table's SQL name (tier prefixes {@code # _ __ ~} allowed). */
    static String table(String name) {
        if (name == null || name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            throw new DataJointException("Invalid table name '" + name + "': use at most " + MAX_LENGTH
                    + " letters, digits, '_', '$', '#' or '~'");
        }
        return name;
    }

    /** Splits {@code schema.table}, {@code `schema`.`table`} or {@code "schema"."table"} into its two parts. */
    static String[] full(String fullName) {
        Matcher m = fullName == null ? null : FULL.matcher(fullName);
        if (m == null || !m.matches()) {
            throw new DataJointException("Invalid full table name '" + fullName
                    + "': write schema.table, `schema`.`table` or \"schema\".\"table\"");
        }
        String schema = m.group(1) != null ? m.group(1) : m.group(2);
        String table = m.group(3) != null ? m.group(3) : m.group(4);
        return new String[] {schema(schema), table(table)};
    }
}
