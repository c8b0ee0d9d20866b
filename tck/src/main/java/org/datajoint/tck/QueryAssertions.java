package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    /**
     * Asserts that each fetched row has exactly the attributes of its expected row and holds the
     * expected values as the expected Java types: bytes by content, JSON trees by value whatever
     * their number types. {@code actual} rows are in the order of {@code expected}.
     */
    static void assertValuesEqual(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(new TreeSet<>(expected.get(i).keySet()), new TreeSet<>(actual.get(i).keySet()),
                    "row " + (i + 1) + " attributes");
            for (Map.Entry<String, Object> e : expected.get(i).entrySet()) {
                Object want = e.getValue();
                Object got = actual.get(i).get(e.getKey());
                String where = "row " + (i + 1) + " " + e.getKey();
                if (want instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) got, where);
                } else if (want instanceof Map<?, ?> || want instanceof List<?>) {
                    assertEquals(normalizeJson(want), normalizeJson(got), where);
                } else {
                    assertEquals(want, got, where);
                    if (want != null) {
                        assertEquals(want.getClass(), got.getClass(), where + " Java type");
                    }
                }
            }
        }
    }

    private static Object normalizeJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, normalizeJson(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(QueryAssertions::normalizeJson).toList();
        }
        return o instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : o;
    }
}
