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
