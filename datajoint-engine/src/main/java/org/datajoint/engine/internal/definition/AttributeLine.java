package org.datajoint.engine.internal.definition;

/**
 * Splits {@code name [= default] : type [# comment]}, respecting quotes in the default: a quote
 * doubled or after a backslash does not end it (as {@code Literals} reads it).
 */
final class AttributeLine {

    private AttributeLine() {
    }

    /** {@code [name, default or null, type, comment]}, or {@code null} when the line has no such shape. */
    static String[] split(String text) {
        int colon = -1;
        int equals = -1;
        char quote = 0;
        for (int i = 0; i < text.length() && colon < 0; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '=' && equals < 0) {
                equals = i;
            } else if (c == ':') {
                colon = i;
            }
        }
        if (colon < 0) {
            return null;
        }
        String name = (equals >= 0 ? text.substring(0, equals) : text.substring(0, colon)).strip();
        String def = equals >= 0 ? text.substring(equals + 1, colon).strip() : null;
        String rest = text.substring(colon + 1);
        int hash = typeEnd(rest);
        String type = rest.substring(0, hash).strip();
        String comment = hash < rest.length() ? rest.substring(hash + 1).strip() : "";
        if (name.isEmpty() || type.isEmpty() || (def != null && def.isEmpty())) {
            return null;
        }
        return new String[] {name, def, type, comment};
    }

    private static int typeEnd(String rest) {
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return rest.length();
    }
}
