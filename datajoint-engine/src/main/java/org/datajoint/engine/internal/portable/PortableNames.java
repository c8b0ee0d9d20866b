package org.datajoint.engine.internal.portable;

import java.util.Map;
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

    /** An attribute name: ASCII as DataJoint declares it, or letters and digits of any script in tables made elsewhere. */
    private static final String IDENTIFIER = "[\\p{L}_][\\p{L}\\p{M}\\p{Nd}_$]*";
    private static final Pattern ORDER_ITEM = Pattern.compile("(?i)^\\s*(?:`(" + IDENTIFIER + ")`|\"(" + IDENTIFIER + ")\""
            + "|(" + IDENTIFIER + "))(?:\\s+(ASC|DESC))?\\s*$");

    /**
     * Reads an ordering item, {@code name}, {@code `name` DESC} or {@code "name" ASC}: the
     * unquoted name and whether it is descending, or {@code null} when the text is not one.
     */
    public static Map.Entry<String, Boolean> orderItem(String item) {
        Matcher m = item == null ? null : ORDER_ITEM.matcher(item);
        if (m == null || !m.matches()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Map.entry(name, m.group(4) != null && m.group(4).equalsIgnoreCase("DESC"));
    }
}
