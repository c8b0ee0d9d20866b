package org.datajoint.engine.internal;

import java.nio.charset.StandardCharsets;
import org.datajoint.DataJointException;
import org.datajoint.engine.internal.portable.PortableNames;
import org.datajoint.engine.spi.Dialect;

/**
 * Validation and parsing of schema and table names. Names are always quoted when rendered; these
 * rules keep them to what every supported server stores as written: letters, combining marks and
 * digits of any script, but only from Unicode's Basic Multilingual Plane, since MySQL and MariaDB
 * refuse other characters (emoji, for example) in identifiers.
 */
final class Names {

    /** Longest schema or table name MySQL accepts; a dialect may allow fewer bytes ({@link Dialect#maxNameBytes()}). */
    static final int MAX_LENGTH = 64;

    private Names() {
    }

    /** Checks a schema name: letters, digits, {@code _} and {@code $}. */
    static String schema(String name, Dialect dialect) {
        if (name == null || name.isBlank()) {
            throw new DataJointException("Schema name must not be empty");
        }
        return check("schema", name, "_$", "'_' or '$'", dialect);
    }

    /** Checks a table's SQL name (tier prefixes {@code # _ __ ~} allowed). */
    static String table(String name, Dialect dialect) {
        if (name == null || name.isEmpty()) {
            throw new DataJointException("Table name must not be empty");
        }
        return check("table", name, "_$#~", "'_', '$', '#' or '~'", dialect);
    }

    /**
     * Checks the name of a new attribute (a projection's or an aggregation's): any text of the
     * Basic Multilingual Plane, which every server takes as a quoted column name.
     */
    static String attribute(String name) {
        if (name.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            throw new DataJointException("Invalid attribute name '" + name + "': names may use letters and digits of"
                    + " any script, but no characters outside Unicode's Basic Multilingual Plane (such as emoji),"
                    + " which not every server takes");
        }
        return name;
    }

    /** Splits and validates a full table name written in either quoting style. */
    static String[] full(String fullName, Dialect dialect) {
        String[] parts = PortableNames.splitFullName(fullName);
        return new String[] {schema(parts[0], dialect), table(parts[1], dialect)};
    }

    private static String check(String kind, String name, String symbols, String symbolText, Dialect dialect) {
        boolean valid = name.length() <= MAX_LENGTH
                && name.chars().allMatch(c -> symbols.indexOf(c) >= 0 || nameCharacter(c));
        if (!valid) {
            throw new DataJointException("Invalid " + kind + " name '" + name + "': use at most " + MAX_LENGTH
                    + " letters, digits, " + symbolText + "; letters and digits of any script are allowed, but"
                    + " no characters outside Unicode's Basic Multilingual Plane (such as emoji), no spaces and"
                    + " no other punctuation");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > dialect.maxNameBytes()) {
            throw new DataJointException("Invalid " + kind + " name '" + name + "': it takes " + bytes
                    + " bytes in UTF-8 and " + dialect.name() + " keeps at most " + dialect.maxNameBytes()
                    + " (it would cut the name short); choose a shorter name");
        }
        return name;
    }

    /** A letter, combining mark or decimal digit of the Basic Multilingual Plane (a surrogate never is). */
    private static boolean nameCharacter(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }
}
