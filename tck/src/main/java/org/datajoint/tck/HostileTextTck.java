package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Proj;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated hostile strings (jqwik generators: quotes, escapes, comments, dollar
 * quotes, statement separators, statements against a canary, Unicode lookalikes, control
 * characters and random text) go through every place that takes text: values, attribute names,
 * restriction text, computed attributes, orderings, defaults and comments. After each one a
 * checksum of a canary schema must be unchanged, and every refusal must be a
 * {@link DataJointException}.
 */
public interface HostileTextTck extends TckTarget {

    /** How many strings go through the query places; a tenth of them also through declarations. */
    int SAMPLES = 2_000;

    /** A checksum of everything in a schema: its table names and every row of each, in key order. */
    static String checksum(Schema schema) {
        StringBuilder all = new StringBuilder();
        for (String name : schema.listTables()) {
            all.append(name).append('\n');
            if (!name.startsWith("~")) {
                all.append(schema.table(name).orderBy("KEY").toDicts()).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Hostile strings aimed at the tables of {@code canary}. */
    static Arbitrary<String> hostile(String canary) {
        String victim = canary + ".victim";
        Arbitrary<String> fragments = Arbitraries.of("'", "''", "\"", "`", "\\", "\\'", "\\\"", ";", " ; ", "--",
                "-- ", "--\n", "#", "/*", "*/", "/*!", "/*!50000 ", "$$", "$a$", "$1", "E'", "e'\\'", "U&'", "N'",
                "x'", "?", "{", "}", "{0}", "(", ")", "((", "))", ",", " OR 1=1 ", " UNION SELECT 1 ", " FROM ",
                "SELECT ", "DROP TABLE " + victim, "DELETE FROM " + victim, "UPDATE " + victim + " SET word = 'x'",
                "INSERT INTO " + victim + " VALUES (2, 'x')", "TRUNCATE " + victim, "\n", "\r", "\t", "\u0000",
                "\u2028", "\uFF1B", "\uFF07", "\u02BC", "\u2018", "\u201C", "\u037E", "\uFE54", "\uD83E\uDDEA",
                ") ; ", " ; SELECT ( 1 ", "x\\' ) ; ", "species", "subject_id", "1", "0x27", "CHAR(39)", ":name", "::text", "@@version", "\\N", "%", "_");
        Arbitrary<String> glued = fragments.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(24);
        Arbitrary<String> mixed = Arbitraries.lazy(() -> Arbitraries.of("species = ", "subject_id > ", "", "(", "'")
                .flatMap(p -> glued.map(g -> p + g)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, mixed), net.jqwik.api.Tuple.of(2, glued),
                net.jqwik.api.Tuple.of(2, random));
    }

    /** Runs {@code place} with {@code text}; anything but success or a DataJointException fails the test. */
    private static void survive(String place, String text, Runnable work) {
        try {
            work.run();
        } catch (DataJointException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), place + ": " + expected);
        } catch (RuntimeException | AssertionError e) {
            fail(place + " with " + printable(text) + " threw " + e, e);
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format(java.util.Locale.ROOT, "\\u{%X}", c)));
        return out.append('"').toString();
    }

    @Test
    default void generatedHostileStringsChangeNothingOutsideTheirPlace(TckContext tck) {
        Instance db = tck.instance();
        Lab lab = new Lab(tck);
        Schema canary = db.schema(tck.schemaName("canary"));
        Table victim = canary.manual("Victim", "victim_id : int32\n---\nword : varchar(16)\n");
        victim.insert(List.of(Map.of("victim_id", 1, "word", "alive"), Map.of("victim_id", 2, "word", "well")));
        canary.manual("Bystander", "-> Victim\n---\nnote = null : varchar(32)\n").insert1(Map.of("victim_id", 1));
        String before = checksum(canary);
        String labBefore = checksum(lab.schema);
        Schema scratch = db.schema(tck.schemaName("hostile_text"));
        Table notes = scratch.manual("Note", "note_id : int32\n---\ntext = null : varchar(255)\n");
        AtomicInteger stored = new AtomicInteger();
        List<String> samples = hostile(canary.name()).sampleStream().limit(SAMPLES).toList();
        for (int i = 0; i < samples.size(); i++) {
            String s = samples.get(i);
            int id = i;
            survive("restrict", s, () -> lab.subject.restrict(s).toDicts());
            survive("antiRestrict", s, () -> lab.subject.antiRestrict(s).count());
            survive("proj compute", s, () -> lab.subject.proj(Proj.key().compute("x", s)).toDicts());
            survive("aggr", s, () -> lab.subject.aggr(lab.session, Map.of("n", s)).toDicts());
            survive("orderBy", s, () -> lab.subject.orderBy(s).toDicts());
            survive("attribute name", s, () -> notes.insert1(Map.of("note_id", -1, s, "x")));
            survive("value", s, () -> {
                notes.insert1(Map.of("note_id", id, "text", s));
                assertEquals(s, notes.restrict(Map.of("note_id", id)).fetch1().get("text"), printable(s));
                assertEquals(1, notes.restrict(Map.of("note_id", id, "text", s)).count(), printable(s));
                stored.incrementAndGet();
            });
            if (i % 10 == 0) {
                String line = "v = " + s + " : varchar(255)";
                survive("default", s, () -> declareAndDrop(scratch, "Unquoted" + id, line));
                survive("quoted default", s, () -> declareAndDrop(scratch, "Quoted" + id,
                        "v = '" + s.replace("'", "''") + "' : varchar(255)"));
                survive("comment", s, () -> declareAndDrop(scratch, "Commented" + id, "v : varchar(8) # " + s));
                survive("table comment", s, () -> declareAndDrop(scratch, "Described" + id, "# " + s));
                survive("class name", s, () -> declareAndDrop(scratch, s, ""));
            }
            if (!before.equals(checksum(canary))) {
                fail("the canary schema changed after " + printable(s));
            }
        }
        assertEquals(before, checksum(canary));
        assertEquals(labBefore, checksum(lab.schema));
        assertTrue(stored.get() > SAMPLES / 2, "most hostile strings are plain values: " + stored.get() + " stored");
    }

    private static void declareAndDrop(Schema schema, String className, String line) {
        String definition = line.startsWith("#") ? line + "\nid : int32\n" : "id : int32\n---\n" + line + "\n";
        Table t = schema.manual(className, definition);
        try {
            t.insert1(Map.of("id", 1));
            assertEquals(1, t.count());
        } finally {
            t.drop(DropOptions.noPrompt());
        }
    }
}
