package org.datajoint.engine.internal;

/** Quoted literals of definitions: {@code 'it''s'} and {@code "say \"hi\""}. */
final class Literals {

    private Literals() {
    }

    /** The text inside a single- or double-quoted literal, with doubled or backslash-escaped quotes undone. */
    static String unquote(String quoted) {
        char q = quoted.charAt(0);
        String inner = quoted.substring(1, quoted.length() - 1);
        return inner.replace("" + q + q, "" + q).replace("\\" + q, "" + q);
    }

    /**
     * Whether {@code text} is exactly one quoted literal: it opens with a quote, and the only quote
     * that is neither doubled nor after a backslash is its last character.
     */
    static boolean isOneLiteral(String text) {
        char q = text.charAt(0);
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == q) {
                i += 2;
            } else if (c == q && i + 1 < text.length() && text.charAt(i + 1) == q) {
                i += 2;
            } else if (c == q) {
                return i == text.length() - 1;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The canonical form of a default for comparisons: strings single-quoted, keywords upper case. */
    static String canonicalDefault(String d) {
        if (d == null) {
            return null;
        }
        String s = d.strip();
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
            return "'" + unquote(s).replace("'", "''") + "'";
        }
        return s.equalsIgnoreCase("current_timestamp") ? "CURRENT_TIMESTAMP" : s;
    }
}
