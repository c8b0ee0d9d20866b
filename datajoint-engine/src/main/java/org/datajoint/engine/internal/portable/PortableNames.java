package org.datajoint.engine.internal.portable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DataJointException;

/**
 * Reads names as users write them, in either quoting style: {@code schema.table},
 * {@code `schema`.`table`} or {@code "schema"."table"}. This package is the one place of the
 * engine that knows both styles; everything it returns is unquoted.
 */
public final class PortableNames {

    private static final Pattern FULL = Pattern.compile("^\\s*(?:[`\"]([^`\"]+)[`\"]|([^.`\"\\s]+))\\s*\\.\\s*"
            + "(?:[`\"]([^`\"]+)[`\"]|([^.`\"\\s]+))\\s*$");

    private PortableNames() {
    }

    /**
     * Splits a full table name into schema and table.
     *
     * @throws DataJointException when the text is not a full table name
     */
    public static String[] splitFullName(String fullName) {
        Matcher m = fullName == null ? null : FULL.matcher(fullName);
        if (m == null || !m.matches()) {
            throw new DataJointException("Invalid full table name '" + fullName
                    + "': write schema.table, `schema`.`table` or \"schema\".\"table\"");
        }
        return new String[] {m.group(1) != null ? m.group(1) : m.group(2), m.group(3) != null ? m.group(3) : m.group(4)};
    }
}
