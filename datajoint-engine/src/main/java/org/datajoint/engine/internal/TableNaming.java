package org.datajoint.engine.internal;

import java.util.Locale;

/** DataJoint's class names from SQL table names. */
final class TableNaming {

    private TableNaming() {
    }

    /** {@code #species} → {@code Species}; {@code __session_stats} → {@code SessionStats}; {@code session__trial} → {@code Session.Trial}. */
    static String className(String sqlName) {
        String bare = sqlName.replaceFirst("^(__|_|#|~~|~)", "");
        StringBuilder out = new StringBuilder();
        String[] parts = bare.split("__");
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                out.append('.');
            }
            for (String word : parts[p].split("_")) {
                if (!word.isEmpty()) {
                    out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
                }
            }
        }
        return out.toString();
    }

    /** The SQL name of a part's master: {@code __stats__detail} → {@code __stats}. */
    static String masterOf(String partSqlName) {
        int prefix = partSqlName.startsWith("__") ? 2 : partSqlName.startsWith("_") || partSqlName.startsWith("#") ? 1 : 0;
        int sep = partSqlName.indexOf("__", prefix);
        return sep < 0 ? partSqlName : partSqlName.substring(0, sep);
    }
}
