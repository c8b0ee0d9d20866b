package org.datajoint.dialect.mysql;

import java.util.List;

/** PostgreSQL spellings in user SQL text, translated to MySQL's. */
final class MySqlFunctions {

    private MySqlFunctions() {
    }

    static String translate(String name, List<String> args) {
        return switch (name) {
            case "STRING_AGG" -> args.size() == 2
                    ? "GROUP_CONCAT(" + args.get(0).replaceFirst("::\\s*(text|varchar)\\s*$", "") + " SEPARATOR "
                            + args.get(1) + ")"
                    : null;
            case "RANDOM" -> args.isEmpty() ? "RAND()" : null;
            case "LENGTH" -> args.size() == 1 ? "CHAR_LENGTH(" + args.get(0) + ")" : null;
            default -> null;
        };
    }
}
