package org.datajoint.dialect.postgres;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL spellings in user SQL text, translated to PostgreSQL's. */
final class PostgresFunctions {

    private static final Pattern SEPARATOR = Pattern.compile("(?is)^(.*?)\\s+SEPARATOR\\s+('(?:[^']|'')*')\\s*$");
    private static final Pattern DISTINCT = Pattern.compile("(?is)^DISTINCT\\s+(.*)$");
    private static final Pattern COMPARISON = Pattern.compile("[=<>]|\\bIS\\b|\\bLIKE\\b|\\bIN\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> PARTS = List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "QUARTER",
            "WEEK");

    private PostgresFunctions() {
    }

    static String translate(String name, List<String> args) {
        if (PARTS.contains(name) && args.size() == 1) {
            return "CAST(EXTRACT(" + name + " FROM " + args.get(0) + ") AS INTEGER)";
        }
        return switch (name) {
            case "GROUP_CONCAT" -> args.size() == 1 ? groupConcat(args.get(0)) : null;
            case "NOW" -> args.isEmpty() ? "CURRENT_TIMESTAMP" : null;
            case "CURDATE" -> args.isEmpty() ? "CURRENT_DATE" : null;
            case "RAND" -> args.isEmpty() ? "RANDOM()" : null;
            case "IFNULL" -> args.size() == 2 ? "COALESCE(" + args.get(0) + ", " + args.get(1) + ")" : null;
            case "IF" -> args.size() == 3
                    ? "(CASE WHEN " + args.get(0) + " THEN " + args.get(1) + " ELSE " + args.get(2) + " END)" : null;
            case "DATEDIFF" -> args.size() == 2
                    ? "(CAST(" + args.get(0) + " AS DATE) - CAST(" + args.get(1) + " AS DATE))" : null;
            case "TIMESTAMPDIFF" -> args.size() == 3 ? timestampDiff(args) : null;
            case "SUM", "AVG" -> args.size() == 1 && COMPARISON.matcher(args.get(0)).find()
                    && !args.get(0).startsWith("(")
                    ? name + "(CAST((" + args.get(0) + ") AS INTEGER))" : null;
            default -> null;
        };
    }

    private static String groupConcat(String arg) {
        String value = arg;
        String separator = "','";
        Matcher m = SEPARATOR.matcher(arg);
        if (m.matches()) {
            value = m.group(1);
            separator = m.group(2);
        }
        Matcher d = DISTINCT.matcher(value);
        String distinct = "";
        if (d.matches()) {
            distinct = "DISTINCT ";
            value = d.group(1);
        }
        return "STRING_AGG(" + distinct + "CAST(" + value + " AS TEXT), " + separator + ")";
    }

    private static String timestampDiff(List<String> args) {
        String unit = args.get(0).strip().toUpperCase(Locale.ROOT);
        String from = args.get(1);
        String to = args.get(2);
        String seconds = "EXTRACT(EPOCH FROM (CAST(" + to + " AS TIMESTAMP) - CAST(" + from + " AS TIMESTAMP)))";
        return switch (unit) {
            case "YEAR" -> "CAST(EXTRACT(YEAR FROM AGE(" + to + ", " + from + ")) AS INTEGER)";
            case "MONTH" -> "CAST(EXTRACT(YEAR FROM AGE(" + to + ", " + from + ")) * 12 + EXTRACT(MONTH FROM AGE("
                    + to + ", " + from + ")) AS INTEGER)";
            case "DAY" -> "CAST(FLOOR(" + seconds + " / 86400) AS INTEGER)";
            case "HOUR" -> "CAST(FLOOR(" + seconds + " / 3600) AS INTEGER)";
            case "MINUTE" -> "CAST(FLOOR(" + seconds + " / 60) AS INTEGER)";
            case "SECOND" -> "CAST(FLOOR(" + seconds + ") AS BIGINT)";
            default -> null;
        };
    }
}
