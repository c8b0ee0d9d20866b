package org.datajoint.tck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.datajoint.QueryExpression;

/** Small helpers for comparing query results regardless of row order. */
final class QueryAssertions {

    private QueryAssertions() {
    }

    /** The values of an integer attribute, sorted. */
    static List<Integer> ids(QueryExpression q, String attribute) {
        List<Integer> out = new ArrayList<>();
        for (Map<String, Object> row : q.toDicts()) {
            out.add(((Number) row.get(attribute)).intValue());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The values of an integer attribute in the order fetched. */
    static List<Integer> idsInOrder(QueryExpression q, String attribute) {
        List<Integer> out = new ArrayList<>();
        for (Map<String, Object> row : q.toDicts()) {
            out.add(((Number) row.get(attribute)).intValue());
        }
        return out;
    }

    /** Rows sorted by their text, for order-independent comparison. */
    static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    /** The row of {@code rows} whose attribute {@code key} equals {@code value}. */
    static Map<String, Object> row(List<Map<String, Object>> rows, String key, Object value) {
        return rows.stream().filter(r -> String.valueOf(r.get(key)).equals(String.valueOf(value))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + "=" + value + " in " + rows));
    }
}
