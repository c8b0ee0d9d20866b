package org.datajoint.engine.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** DataJoint's text preview of a query: a table of its first rows and the total row count. */
final class Preview {

    private Preview() {
    }

    static String of(QueryImpl query) {
        ConfigView config = new ConfigView(query.connection().config());
        int limit = config.limit;
        QHeading h = query.qheading();
        List<Map<String, Object>> rows = Rows.fetch(query.connection(), query.topped(new TopSpec(null, (long) limit + 1, 0))
                .statement(null));
        long total = rows.size() > limit ? query.count() : rows.size();
        List<String> names = h.names();
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            cells.add(names.stream().map(n -> cell(row.get(n), config.width)).toList());
        }
        int[] widths = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String title = (h.get(names.get(i)).inKey() ? "*" : "") + names.get(i);
            widths[i] = Math.min(Math.max(title.length(), 3), Math.max(config.width, title.length()));
            for (List<String> r : cells) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> titles = new ArrayList<>();
        for (String n : names) {
            titles.add((h.get(n).inKey() ? "*" : "") + n);
        }
        line(out, titles, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("-".repeat(w));
        }
        line(out, rules, widths);
        cells.forEach(r -> line(out, r, widths));
        if (total > limit) {
            out.append(" ...\n");
        }
        if (config.showCount) {
            out.append(" (Total: ").append(total).append(")\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values, int[] widths) {
        for (int i = 0; i < values.size(); i++) {
            out.append(' ').append(values.get(i)).append(" ".repeat(widths[i] - values.get(i).length()));
        }
        out.append('\n');
    }

    private static String cell(Object v, int width) {
        String s;
        if (v == null) {
            s = "None";
        } else if (v instanceof byte[] b) {
            s = "=bytes " + (b.length <= 8 ? HexFormat.of().formatHex(b) : b.length + " B") + "=";
        } else if (v instanceof BigDecimal d) {
            s = d.toPlainString();
        } else {
            s = v.toString().replace('\n', ' ');
        }
        return s.length() > width ? s.substring(0, Math.max(1, width - 3)) + "..." : s;
    }

    private record ConfigView(int limit, int width, boolean showCount) {
        ConfigView(org.datajoint.Config c) {
            this(c.getInt("display.limit"), c.getInt("display.width"), c.getBoolean("display.show_tuple_count"));
        }
    }
}
