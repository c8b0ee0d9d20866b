package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Random;
import java.util.UUID;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.InsertOptions;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** Every core type stores and returns its edge values unchanged, as the same Java type on every backend. */
public interface ValuesTck extends TckTarget {

    private static Table allTypes(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("values"));
        return s.manual("Edge", """
                id : int32
                ---
                v_int8 = null : int8
                v_int16 = null : int16
                v_int32 = null : int32
                v_int64 = null : int64
                v_float32 = null : float32
                v_float64 = null : float64
                v_decimal = null : decimal(7,3)
                v_bool = null : bool
                v_uuid = null : uuid
                v_bytes = null : bytes
                v_date = null : date
                v_datetime = null : datetime
                v_datetime6 = null : datetime(6)
                v_char = null : char(2)
                v_varchar = null : varchar(100)
                v_enum = null : enum('hit', 'miss', 'it''s')
                v_json = null : json
                """);
    }

    @Test
    default void textIsParsedByTheDeclaredTypeAndJavaTimeTypesConvert(TckContext tck) {
        Table t = allTypes(tck);
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("id", "1");
        text.put("v_int8", "-128");
        text.put("v_int16", " 32767 ");
        text.put("v_int32", "-2147483648");
        text.put("v_int64", "9223372036854775807");
        text.put("v_float32", "1.5");
        text.put("v_float64", "-2.25e300");
        text.put("v_decimal", "1234.567");
        text.put("v_bool", "true");
        text.put("v_uuid", "123e4567-e89b-12d3-a456-426614174000");
        text.put("v_bytes", "0x00ff10");
        text.put("v_date", "2024-02-29");
        text.put("v_datetime", "2024-02-29 23:59:59");
        text.put("v_datetime6", "2024-02-29T23:59:59.123456");
        text.put("v_char", "ab");
        text.put("v_varchar", "text");
        text.put("v_enum", "it's");
        text.put("v_json", "{\"a\": [1, 2]}");
        t.insert(java.util.stream.Stream.of(text), InsertOptions.defaults());
        Map<String, Object> back = t.fetch1();
        assertEquals((byte) -128, back.get("v_int8"));
        assertEquals((short) 32767, back.get("v_int16"));
        assertEquals(Integer.MIN_VALUE, back.get("v_int32"));
        assertEquals(Long.MAX_VALUE, back.get("v_int64"));
        assertEquals(1.5f, back.get("v_float32"));
        assertEquals(-2.25e300, back.get("v_float64"));
        assertEquals(new BigDecimal("1234.567"), back.get("v_decimal"));
        assertEquals(true, back.get("v_bool"));
        assertEquals(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), back.get("v_uuid"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) back.get("v_bytes"));
        assertEquals(LocalDate.of(2024, 2, 29), back.get("v_date"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59), back.get("v_datetime"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123456000), back.get("v_datetime6"));
        assertEquals(Map.of("a", List.of(1, 2)), back.get("v_json"));
        t.insert1(Map.of("id", 2, "v_datetime6", java.time.OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0,
                java.time.ZoneOffset.ofHours(2)), "v_datetime", java.time.Instant.parse("2024-01-01T00:00:00Z"),
                "v_date", LocalDateTime.of(2024, 1, 2, 0, 0)));
        Map<String, Object> zoned = t.restrict(Map.of("id", 2)).fetch1("v_datetime6", "v_datetime", "v_date");
        assertEquals(LocalDateTime.of(2024, 1, 1, 10, 0), zoned.get("v_datetime6"), "zoned times are stored in UTC");
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), zoned.get("v_datetime"));
        assertEquals(LocalDate.of(2024, 1, 2), zoned.get("v_date"));
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("v_int8", "128", "v_bool", "maybe", "v_uuid", "x",
                "v_bytes", "0xZZ", "v_date", "2024-02-30", "v_json", "{oops", "v_int32", "1.5").entrySet()) {
            DataJointException e = assertThrows(DataJointException.class,
                    () -> t.insert1(Map.of("id", 3, bad.getKey(), bad.getValue())), bad.toString());
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
        assertEquals(2, t.count());
    }

    @Test
    default void edgeValuesRoundTripUnchanged(TckContext tck) {
        Table t = allTypes(tck);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2.5, "three", true));
        nested.put("map", Map.of("deep", Map.of("deeper", List.of())));
        nested.put("nothing", null);
        nested.put("text", "Grüße 日本 🎉");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(1, Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE,
                -Double.MAX_VALUE, new BigDecimal("-9999.999"), false, new UUID(0, 0), new byte[0],
                LocalDate.of(1000, 1, 1), LocalDateTime.of(1000, 1, 1, 0, 0), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1000),
                "", "", "hit", List.of()));
        rows.add(row(2, Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE,
                Double.MAX_VALUE, new BigDecimal("9999.999"), true, UUID.randomUUID(), new byte[] {0, 1, (byte) 255},
                LocalDate.of(9999, 12, 31), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000), "日本", "Grüße, \"quotes\" 'and' \\ 🎉",
                "it's", nested));
        rows.add(row(3, (byte) 0, (short) 0, 0, 0L, Float.MIN_NORMAL, Double.MIN_NORMAL, new BigDecimal("0.001"),
                true, UUID.randomUUID(), big(), LocalDate.of(2024, 2, 29), LocalDateTime.of(2000, 1, 1, 12, 0),
                LocalDateTime.of(2000, 1, 1, 12, 0, 0, 999_999_000), "ab", "x".repeat(100), "miss",
                Map.of("n", 12345678901234L)));
        Map<String, Object> nulls = new HashMap<>();
        rows.get(0).keySet().forEach(name -> nulls.put(name, null));
        nulls.put("id", 4);
        rows.add(nulls);
        t.insert(rows);
        List<Map<String, Object>> back = new ArrayList<>(t.toDicts());
        back.sort(Comparator.comparing(r -> (Integer) r.get("id")));
        assertEquals(4, back.size());
        QueryAssertions.assertValuesEqual(rows, back);
    }

    private static byte[] big() {
        byte[] b = new byte[16 * 1024 * 1024];
        new Random(42).nextBytes(b);
        return b;
    }

    private static Map<String, Object> row(Object... v) {
        String[] names = {"id", "v_int8", "v_int16", "v_int32", "v_int64", "v_float32", "v_float64", "v_decimal",
            "v_bool", "v_uuid", "v_bytes", "v_date", "v_datetime", "v_datetime6", "v_char", "v_varchar", "v_enum",
            "v_json"};
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], v[i]);
        }
        return row;
    }

    @Test
    default void insertOptionsAndFailuresAreClear(TckContext tck) {
        Table t = allTypes(tck);
        t.insert1(Map.of("id", 1, "v_int8", 5));
        assertThrows(DuplicateKeyException.class, () -> t.insert1(Map.of("id", 1)));
        t.insert(List.of(Map.of("id", 1), Map.of("id", 2)), InsertOptions.skipDuplicates());
        assertEquals(2, t.count());
        UnknownAttributeException extra = assertThrows(UnknownAttributeException.class,
                () -> t.insert1(Map.of("id", 3, "bogus", 1)));
        assertTrue(extra.getMessage().contains("bogus"), extra.getMessage());
        t.insert(List.of(Map.of("id", 3, "bogus", 1)), InsertOptions.ignoreExtraFields());
        DataJointException range = assertThrows(DataJointException.class, () -> t.insert1(Map.of("id", 4, "v_int8", 300)));
        assertTrue(range.getMessage().contains("v_int8"), range.getMessage());
        assertThrows(DuplicateKeyException.class, () -> t.insert(List.of(Map.of("id", 10), Map.of("id", 1))));
        assertEquals(3, t.count(), "a failing batch leaves nothing behind");
        assertEquals(Byte.valueOf((byte) 5), t.toDicts().stream().filter(r -> r.get("id").equals(1)).findFirst()
                .orElseThrow().get("v_int8"));
        assertEquals(List.of(1, 2, 3), t.keys().stream().map(k -> (Integer) k.get("id")).sorted().toList());
        assertTrue(t.sql().endsWith(" from " + t.fullTableName()), t.sql());
        List<Map<String, Object>> bySql = tck.instance().connection().query(t.sql());
        assertEquals(List.of(1, 2, 3), bySql.stream().map(r -> ((Number) r.get("id")).intValue()).sorted().toList(),
                "sql() is the statement that fetches the table: run as shown, it gives its rows");
        assertEquals(t.heading().names(), List.copyOf(bySql.get(0).keySet()), "and its attributes, in order");
        assertThrows(DataJointException.class, t::fetch1);
    }

    /** A row as a record. */
    record Subject(String subjectId, String species, long weight) {
    }

    /** A row as a record with snake-case components, as headings name attributes. */
    record SubjectRow(String subject_id, String species, int weight_g) {
    }

    /** A row as a bean. */
    final class SubjectBean {
        public String getSubject_id() {
            return "B1";
        }

        public String getSpecies() {
            return "rat";
        }

        public int getWeight_g() {
            return 250;
        }
    }

    @Test
    default void recordsBeansAndUpdates(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("shapes"));
        Table t = s.manual("Animal", "subject_id : varchar(16)\n---\nspecies : varchar(32)\nweight_g = 0 : int32\n");
        t.insert1(new SubjectRow("R1", "mouse", 20));
        t.insert1(new SubjectBean());
        t.insert(List.of(Map.of("subject_id", "M1", "species", "mouse")));
        List<SubjectRow> rows = new ArrayList<>(t.toList(SubjectRow.class));
        rows.sort(Comparator.comparing(SubjectRow::subject_id));
        assertEquals(List.of(new SubjectRow("B1", "rat", 250), new SubjectRow("M1", "mouse", 0),
                new SubjectRow("R1", "mouse", 20)), rows);
        DataJointException missing = assertThrows(DataJointException.class, () -> t.toList(Subject.class));
        assertTrue(missing.getMessage().contains("subjectId"), missing.getMessage());
        UnknownAttributeException unknown = assertThrows(UnknownAttributeException.class,
                () -> t.insert1(new Subject("X", "y", 1)));
        assertTrue(unknown.getMessage().contains("subjectId"), unknown.getMessage());

        t.update1(Map.of("subject_id", "M1", "species", "rat", "weight_g", 31));
        assertEquals(List.of(new SubjectRow("M1", "rat", 31)), t.toList(SubjectRow.class).stream()
                .filter(r -> r.subject_id().equals("M1")).toList());
        DataJointException noKey = assertThrows(DataJointException.class, () -> t.update1(Map.of("species", "cat")));
        assertTrue(noKey.getMessage().contains("subject_id"), noKey.getMessage());
        DataJointException noRow = assertThrows(DataJointException.class,
                () -> t.update1(Map.of("subject_id", "NOPE", "species", "cat")));
        assertTrue(noRow.getMessage().contains("NOPE"), noRow.getMessage());
        assertThrows(DataJointException.class, () -> t.update1(Map.of("subject_id", "M1")));
        assertThrows(UnknownAttributeException.class, () -> t.update1(Map.of("subject_id", "M1", "colour", "x")));
        t.update1(Map.of("subject_id", "M1", "species", "rat", "weight_g", 31));
        assertEquals(3, t.count(), "updates never add or remove rows");
    }

    @Test
    default void streamingHoldsConstantMemoryAndReturnsItsConnection(TckContext tck) {
        int n = 1_000_000;
        Schema s = tck.builder().set("connection.max_pool_size", 1).build().schema(tck.schemaName("stream"));
        tck.track(s.instance());
        Table t = s.manual("Big", "id : int32\n---\npayload : varchar(64)\n");
        Iterable<Map<String, ?>> generated = () -> java.util.stream.IntStream.range(0, n).<Map<String, ?>>mapToObj(
                i -> Map.of("id", i, "payload", "row " + i + " of a table too large to fetch into 32 MiB")).iterator();
        t.insert(generated);
        assertEquals(n, t.count());
        ThreadSafeModeTck.Probe probe = Tck.runJvm(tck, List.of("-Xmx32m"), StreamProbe.class,
                List.of(s.name(), "Big"), Map.of());
        assertEquals(0, probe.exitCode(), probe.output());
        long sum = (long) n * (n - 1) / 2;
        assertTrue(probe.output().contains("streamed " + n + " rows, id sum " + sum), probe.output());
        try (java.util.stream.Stream<Map<String, Object>> rows = t.stream()) {
            assertEquals(100, rows.limit(100).count());
        }
        assertEquals(n, t.count(), "the stream gave its only pooled connection back when closed");
        long inTransaction = s.instance().connection().transaction(tx -> {
            try (java.util.stream.Stream<Map<String, Object>> rows = t.stream()) {
                return rows.limit(10).count();
            }
        });
        assertEquals(10, inTransaction);
    }

    @Test
    default void csvFilesReplaceAndRequiredAttributes(TckContext tck) throws java.io.IOException {
        Schema s = tck.instance().schema(tck.schemaName("csv"));
        Table t = s.manual("Student", """
                student_id : int32
                ---
                name : varchar(60)
                born = null : date
                gpa = null : decimal(3,2)
                active = 1 : bool
                """);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("students", ".csv");
        java.nio.file.Files.writeString(csv, "student_id,name,born,gpa,active\r\n"
                + "1,\"Doe, Jane\",2001-02-03,3.75,true\r\n"
                + "2,\"O'Brien \"\"Bob\"\"\",,,0\r\n"
                + "3,,1999-12-31,4.00,1\n"
                + "4,\"Line one\nline two\",,,1\n");
        t.insert(csv);
        List<Map<String, Object>> rows = new ArrayList<>(t.toDicts());
        rows.sort(Comparator.comparing(r -> (Integer) r.get("student_id")));
        assertEquals("Doe, Jane", rows.get(0).get("name"));
        assertEquals(LocalDate.of(2001, 2, 3), rows.get(0).get("born"));
        assertEquals(new BigDecimal("3.75"), rows.get(0).get("gpa"));
        assertEquals(true, rows.get(0).get("active"));
        assertEquals("O'Brien \"Bob\"", rows.get(1).get("name"));
        assertEquals(null, rows.get(1).get("born"));
        assertEquals(false, rows.get(1).get("active"));
        assertEquals("", rows.get(2).get("name"), "an empty text field stays empty text");
        assertEquals("Line one\nline two", rows.get(3).get("name"), "a quoted field keeps its line break");

        t.insert(List.of(Map.of("student_id", 2, "name", "Bob", "active", true)), InsertOptions.replace());
        assertEquals("Bob", t.toDicts().stream().filter(r -> r.get("student_id").equals(2)).findFirst().orElseThrow()
                .get("name"));
        assertEquals(4, t.count());
        java.nio.file.Path more = java.nio.file.Files.createTempFile("students", ".csv");
        java.nio.file.Files.writeString(more, "\uFEFFstudent_id,name,active\n5,Eve,\n");
        Iterable<?> typedAsRows = more;
        t.insert(typedAsRows);
        assertEquals("Eve", t.restrict(Map.of("student_id", 5)).fetch1("name").get("name"),
                "a Path passed where rows are expected is read as a CSV file (its byte-order mark skipped),"
                        + " not as its name elements");
        assertEquals(true, t.restrict(Map.of("student_id", 5)).fetch1("active").get("active"),
                "an empty field of an attribute with a default takes the default");
        DataJointException notARow = assertThrows(DataJointException.class, () -> t.insert1("5,Eve"));
        assertTrue(notARow.getMessage().contains("java.lang.String"), notARow.getMessage());
        Map<String, Object> complete = new LinkedHashMap<>(Map.of("student_id", 10, "name", "Ann"));
        Map<String, Object> lacking = new LinkedHashMap<>(Map.of("student_id", 11));
        DataJointException laterRow = assertThrows(DataJointException.class, () -> t.insert(List.of(complete, lacking)));
        assertTrue(laterRow.getMessage().contains("'name'"), laterRow.getMessage());
        Map<String, Object> renamed = new LinkedHashMap<>();
        renamed.put("student_id", 12);
        renamed.put("nickname", "A");
        assertThrows(UnknownAttributeException.class, () -> t.insert(List.of(complete, renamed)),
                "a later row with as many keys, one of them unknown");
        assertEquals(0, t.restrict(Map.of("student_id", 10)).count(), "a batch with a bad later row leaves nothing");
        DataJointException required = assertThrows(DataJointException.class, () -> t.insert1(Map.of("student_id", 9)));
        assertTrue(required.getMessage().contains("'name'") && required.getMessage().contains("varchar(60)"),
                required.getMessage());
        DataJointException wrongType = assertThrows(DataJointException.class,
                () -> t.insert1(Map.of("student_id", 9, "name", "x", "born", 42)));
        assertTrue(wrongType.getMessage().contains("'born'") && wrongType.getMessage().contains("Integer"),
                wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InsertOptions.replace().withSkipDuplicates());
    }
}
