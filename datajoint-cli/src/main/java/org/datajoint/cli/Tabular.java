package org.datajoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.datajoint.Table;

/** Plain-text tables for the terminal. */
final class Tabular {

    private Tabular() {
    }

    /** Per-table row counts, in the map's order, and their total; each line starts with {@code indent}. */
    static void counts(PrintWriter out, String indent, Map<String, Long> counts) {
        int width = Math.max(5, counts.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = indent + "%-" + width + "s %10s%n";
        out.printf(Locale.ROOT, row, "table", "rows");
        counts.forEach((name, n) -> out.printf(Locale.ROOT, row, name, String.format(Locale.ROOT, "%,d", n)));
        out.printf(Locale.ROOT, row, "total", String.format(Locale.ROOT, "%,d",
                counts.values().stream().mapToLong(Long::longValue).sum()));
        out.flush();
    }

    /** The table's tier as the command prints it: {@code manual}, {@code computed}, ... */
    static String tier(Table table) {
        return table.tier().toString().toLowerCase(Locale.ROOT);
    }
}
