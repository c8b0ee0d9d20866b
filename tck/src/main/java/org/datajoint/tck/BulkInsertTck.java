package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.InsertOptions;
import org.datajoint.Instance;
import org.datajoint.IntegrityException;
import org.datajoint.QueryException;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * Inserts of thousands of rows in one call, which a dialect may send by a faster path than
 * batched INSERTs ({@link TckTarget#rowsPerInsertStatement()}): every value arrives as it would
 * row by row, and a refused row keeps none of the call's rows.
 */
public interface BulkInsertTck extends TckTarget {

    private static Table samples(TckContext tck) {
        return tck.instance().schema(tck.schemaName("bulk")).manual("Sample", """
                sample_id : int32
                ---
                v_int8 = null : int8
                v_int16 = null : int16
                v_int64 = null : int64
                v_float32 = null : float32
                v_float64 = null : float64
                v_decimal = null : decimal(9,3)
                v_bool = null : bool
                v_uuid = null : uuid
                v_bytes = null : bytes
                v_date = null : date
                v_datetime = null : datetime(6)
                v_char = null : char(3)
                v_text = null : varchar(200)
                v_enum = null : enum('hit', 'miss', 'it''s')
                v_json = null : json
                status = 'new' : varchar(10)
                """);
    }

    /** Texts that break naive text framings: separators, escapes, markers, and multi-byte characters. */
    List<String> AWKWARD = List.of("tab\there", "line\nbreak", "cr\rreturn\r\n", "back\\slash", "\\N", "\\.", "",
            "trailing\\", "quote ' \" , ;", "日本語 🎉 Grüße", "NULL", "a\u0001b", " padded ");

    private static Map<String, Object> sample(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sample_id", i);
        boolean nulls = i % 11 == 0;
        row.put("v_int8", (byte) (i % 256 - 128));
        row.put("v_int16", (short) (i * 13 % 65536 - 32768));
        row.put("v_int64", i % 2 == 0 ? Long.MAX_VALUE - i : Long.MIN_VALUE + i);
        row.put("v_float32", i / 7f);
        row.put("v_float64", nulls ? null : i * Math.PI * 1e-3);
        row.put("v_decimal", BigDecimal.valueOf(i * 1001L - 500_000, 3));
        row.put("v_bool", nulls ? null : i % 3 == 0);
        row.put("v_uuid", new UUID(i * 0x9E3779B97F4A7C15L, ~i));
        row.put("v_bytes", nulls ? null : bytes(i));
        row.put("v_date", LocalDate.of(1000, 1, 1).plusDays(i * 97L));
        row.put("v_datetime", LocalDateTime.of(2024, 2, 29, 23, 59, 59).plusSeconds(i).plusNanos(1000L * (i * 7919L % 1_000_000)));
        row.put("v_char", "abc".substring(0, 1 + i % 3));
        row.put("v_text", nulls ? null : AWKWARD.get(i % AWKWARD.size()) + i);
        row.put("v_enum", List.of("hit", "miss", "it's").get(i % 3));
        row.put("v_json", Map.of("i", i, "text", AWKWARD.get((i + 5) % AWKWARD.size()), "list", List.of(i, "x")));
        row.put("status", "s" + i % 4);
        return row;
    }

    private static byte[] bytes(int i) {
        return switch (i % 4) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {0x5c};
            case 2 -> new byte[] {0, '\t', '\n', '\r', '\\', 'N', (byte) 0xff};
            default -> ("bytes " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    private static List<Map<String, Object>> rows(int from, int to, IntFunction<Map<String, Object>> make) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(make.apply(i));
        }
        return out;
    }

    private static List<Map<String, Object>> fetchedInOrder(Table t) {
        List<Map<String, Object>> back = new ArrayList<>(t.toDicts());
        back.sort(Comparator.comparing(r -> (Integer) r.get("sample_id")));
        return back;
    }

    @Test
    default void everyCoreTypeArrivesAsInsertedRowByRow(TckContext tck) {
        Table t = samples(tck);
        List<Map<String, Object>> rows = rows(0, 3_500, BulkInsertTck::sample);
        for (int i = 1_000; i < 2_200; i++) {
            rows.get(i).put("status", null);
        }
        t.insert(rows);
        List<Map<String, Object>> expected = rows(0, 3_500, BulkInsertTck::sample);
        for (int i = 1_000; i < 2_200; i++) {
            expected.get(i).put("status", "new");
        }
        QueryAssertions.assertValuesEqual(expected, fetchedInOrder(t));
        Map<String, Object> fifth = t.restrict(Map.of("sample_id", 5)).fetch1("v_text", "v_datetime");
        assertEquals("\\.5", fifth.get("v_text"));
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0, 4, 39_595_000), fifth.get("v_datetime"));
    }

    @Test
    default void largeInsertsSendFewStatements(TckContext tck) {
        Instance inst = tck.instance();
        Table t = inst.schema(tck.schemaName("bulkcount")).manual("Item", "item_id : int32\n---\nlabel : varchar(40)\n");
        t.count();
        long before = inst.connection().statementCount();
        t.insert(rows(0, 25_000, i -> Map.of("item_id", i, "label", "item " + i)));
        long per = rowsPerInsertStatement();
        assertEquals((25_000 + per - 1) / per, inst.connection().statementCount() - before,
                "statements for 25,000 rows at " + per + " rows per statement");
        assertEquals(25_000, t.count());
        assertEquals("item 24999", t.restrict(Map.of("item_id", 24_999)).fetch1("label").get("label"));
    }

    @Test
    default void aLargeInsertTheServerRefusesKeepsNone(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("bulkfail"));
        Table parent = s.manual("Parent", "parent_id : int32\n");
        Table child = s.manual("Child", "-> Parent\nchild_id : int32\n---\nlabel : varchar(20)\n");
        parent.insert(rows(1, 11, i -> Map.of("parent_id", i)));
        IntegrityException orphan = assertThrows(IntegrityException.class, () -> child.insert(rows(0, 3_000,
                i -> Map.of("parent_id", i == 2_345 ? 99 : i % 10 + 1, "child_id", i, "label", "c" + i))));
        assertTrue(orphan.getMessage().contains("child"), orphan.getMessage());
        assertEquals(0, child.count(), "no row of the refused insert was kept");
        child.insert(rows(0, 3_000, i -> Map.of("parent_id", i % 10 + 1, "child_id", i, "label", "c" + i)));
        assertThrows(DuplicateKeyException.class, () -> child.insert(rows(2_000, 7_000,
                i -> Map.of("parent_id", i % 10 + 1, "child_id", i == 5_800 ? 10 : i + 1_000, "label", "d" + i))));
        assertEquals(3_000, child.count());
        child.insert(rows(2_000, 7_000, i -> Map.of("parent_id", i % 10 + 1, "child_id", i, "label", "e" + i)),
                InsertOptions.skipDuplicates());
        assertEquals(7_000, child.count());
        assertEquals("c2999", child.restrict(Map.of("child_id", 2_999)).fetch1("label").get("label"));
        assertEquals("e3000", child.restrict(Map.of("child_id", 3_000)).fetch1("label").get("label"));
        child.insert(rows(0, 2_000, i -> Map.of("parent_id", i % 10 + 1, "child_id", i, "label", "r" + i)),
                InsertOptions.replace());
        assertEquals("r1999", child.restrict(Map.of("child_id", 1_999)).fetch1("label").get("label"));
        assertEquals(7_000, child.count());
    }

    @Test
    default void aBadValueInALargeInsertIsNamedByItsRowAndKeepsNone(TckContext tck) {
        Table t = samples(tck);
        List<Map<String, Object>> rows = rows(0, 6_000, BulkInsertTck::sample);
        rows.get(4_320).put("v_int16", "abc");
        DataJointException bad = assertThrows(DataJointException.class, () -> t.insert(rows));
        assertTrue(bad.getMessage().contains("Row 4321") && bad.getMessage().contains("'v_int16'")
                && bad.getMessage().contains("Sample"), bad.getMessage());
        assertEquals(0, t.count());
        List<Map<String, Object>> nul = rows(0, 3_000, BulkInsertTck::sample);
        nul.get(1_500).put("v_text", "nul\u0000byte");
        try {
            t.insert(nul);
            assertEquals("nul\u0000byte", t.restrict(Map.of("sample_id", 1_500)).fetch1("v_text").get("v_text"),
                    "a NUL character is stored verbatim where the server accepts it");
            assertEquals(3_000, t.count());
        } catch (QueryException refused) {
            assertEquals(0, t.count(), "or refused, and no row kept");
        }
    }

    @Test
    default void aLargeInsertReadingTheDatabaseWhileItsRowsAreMadeWorks(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("bulklazy"));
        Table source = s.manual("Source", "source_id : int32\n---\nweight : float64\n");
        Table target = s.manual("Target", "target_id : int32\n---\nweight : float64\nseen : int64\n");
        source.insert(rows(0, 100, i -> Map.of("source_id", i, "weight", i * 0.5)));
        java.util.Iterator<Map<String, Object>> lazy = new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 2_500;
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> row = new HashMap<>();
                row.put("target_id", i);
                row.put("weight", source.restrict(Map.of("source_id", i % 100)).fetch1("weight").get("weight"));
                row.put("seen", i % 500 == 0 ? target.count() : -1L);
                i++;
                return row;
            }
        };
        inst.connection().transaction(tx -> {
            Iterable<Map<String, Object>> once = () -> lazy;
            target.insert(once);
            return null;
        });
        assertEquals(2_500, target.count());
        assertEquals(49.5, target.restrict(Map.of("target_id", 2_499)).fetch1("weight").get("weight"));
        for (int id = 0; id < 2_500; id += 500) {
            long seen = (Long) target.restrict(Map.of("target_id", id)).fetch1("seen").get("seen");
            assertTrue(seen >= 0 && seen <= id, "row " + id + " saw " + seen + " rows sent before it");
        }
    }
}
