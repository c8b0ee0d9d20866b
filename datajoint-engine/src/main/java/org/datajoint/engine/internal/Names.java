package org.datajoint.engine.internal;

import java.util.regex.Pattern;
import org.datajoint.DataJointException;
import org.datajoint.engine.internal.portable.PortableNames;

/** Validation and parsing of schema and table names. Names are always quoted when rendered; these rules keep them portable. */
final class Names {

    /** Longest schema or table name every supported server accepts. */
    static final int MAX_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$#~][A-Za-z0-9_$#~]*");

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

    /** Splits and validates a full table name written in either quoting style. */
    static String[] full(String fullName) {
        String[] parts = PortableNames.splitFullName(fullName);
        return new String[] {schema(parts[0]), table(parts[1])};
    }
}
