package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.Cond;
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
 * What a write may and may not do on every backend: skipping duplicates skips nothing else, values
 * that do not fit are errors (never truncated), {@code null} stands for the default, a failed write
 * inside a user's transaction leaves that transaction usable.
 */
public interface WriteRulesTck extends TckTarget {

    @Test
    default void skippingDuplicatesSkipsNothingElse(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("skip"));
        Table parent = s.manual("Parent", "parent_id : int32\n---\nlabel : varchar(8)\n");
        Table child = s.manual("Child", "-> Parent\nchild_id : int32\n");
        parent.insert1(Map.of("parent_id", 1, "label", "one"));
        child.insert1(Map.of("parent_id", 1, "child_id", 1));
        InsertOptions skip = InsertOptions.skipDuplicates();
        child.insert(List.of(Map.of("parent_id", 1, "child_id", 1), Map.of("parent_id", 1, "child_id", 2)), skip);
        assertEquals(2, child.count(), "the duplicate is skipped, the new row inserted");
        assertThrows(IntegrityException.class, () -> child.insert(List.of(Map.of("parent_id", 1, "child_id", 3),
                Map.of("parent_id", 9, "child_id", 1)), skip), "a missing parent is an error, not a skipped row");
        assertThrows(QueryException.class, () -> parent.insert(List.of(Map.of("parent_id", 2, "label", "two"),
                Map.of("parent_id", 3, "label", "far too long a label")), skip), "a value that does not fit");
        assertEquals(2, child.count(), "the failed inserts left nothing");
        assertEquals(List.of(Map.of("parent_id", 1, "label", "one")), parent.toDicts());
    }

    @Test
    default void valuesThatDoNotFitAreErrorsNotTruncations(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("strict")).manual("Reading", """
                reading_id : int32
                ---
                label : varchar(4)
                amount : decimal(4,2)
                x : float64
                """);
        Map<String, Object> ok = Map.of("reading_id", 1, "label", "abcd", "amount", new BigDecimal("99.99"), "x", 1.5);
        t.insert1(ok);
        assertThrows(QueryException.class, () -> t.insert1(with(ok, "reading_id", 2, "label", "abcde")));
        assertThrows(QueryException.class, () -> t.insert1(with(ok, "reading_id", 3, "amount", new BigDecimal("100.5"))));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            DataJointException e = assertThrows(DataJointException.class,
                    () -> t.insert1(with(ok, "reading_id", 4, "x", bad)));
            assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("float64"), e.getMessage());
        }
        assertEquals(List.of(ok), t.toDicts(), "nothing was stored or truncated");
    }

    @Test
    default void nullStandsForTheDefaultInInsertsAndUpdates(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("defaults")).manual("Animal", """
                animal_id : int32
                ---
                weight = 0 : int32
                tag = 'none' : varchar(8)
                note = null : varchar(20)
                """);
        Map<String, Object> row = new HashMap<>();
        row.put("animal_id", 1);
        row.put("weight", null);
        row.put("tag", null);
        row.put("note", null);
        t.insert1(row);
        t.insert1(Map.of("animal_id", 2, "weight", 7, "tag", "big", "note", "seen"));
        assertEquals(Map.of("weight", 0, "tag", "none"), t.restrict(Map.of("animal_id", 1)).fetch1("weight", "tag"));
        assertNull(t.restrict(Map.of("animal_id", 1)).fetch1().get("note"));
        Map<String, Object> reset = new HashMap<>();
        reset.put("animal_id", 2);
        reset.put("weight", null);
        reset.put("note", null);
        t.update1(reset);
        Map<String, Object> updated = t.restrict(Map.of("animal_id", 2)).fetch1();
        assertEquals(0, updated.get("weight"), "update1 with null resets to the default");
        assertEquals("big", updated.get("tag"));
        assertNull(updated.get("note"));
        DataJointException restricted = assertThrows(DataJointException.class,
                () -> t.restrict(Map.of("animal_id", 1)).update1(Map.of("animal_id", 2, "weight", 5)));
        assertTrue(restricted.getMessage().contains("restricted"), restricted.getMessage());
        assertEquals(0, t.restrict(Map.of("animal_id", 2)).fetch1().get("weight"));
    }

    @Test
    default void aFailedWriteInsideATransactionLeavesTheTransactionUsable(TckContext tck) {
        Instance inst = tck.instance();
        Table t = inst.schema(tck.schemaName("txwrite")).manual("Item", "item_id : int32\n---\nlabel : varchar(20)\n");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(Map.of("item_id", i == 2_000 ? 0 : 100 + i, "label", "batch"));
        }
        inst.connection().transaction(tx -> {
            t.insert1(Map.of("item_id", 0, "label", "first"));
            assertThrows(DuplicateKeyException.class, () -> t.insert(batch));
            assertThrows(DuplicateKeyException.class, () -> t.insert1(Map.of("item_id", 0, "label", "again")));
            assertThrows(IllegalStateException.class, () -> tx.transaction(inner -> {
                t.insert1(Map.of("item_id", 1, "label", "inner"));
                throw new IllegalStateException("inner work fails");
            }));
            t.insert1(Map.of("item_id", 2, "label", "last"));
            return null;
        });
        assertEquals(List.of(Map.of("item_id", 0, "label", "first"), Map.of("item_id", 2, "label", "last")),
                t.orderBy("item_id").toDicts(), "the failed batch and the failed inner transaction left nothing");
    }

    @Test
    default void streamsAreClosedJsonTreesStoredAndBadValuesNamedByRow(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("inputs")).manual("Doc", """
                doc_id : int32
                ---
                body : json
                """);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        com.fasterxml.jackson.databind.node.ObjectNode tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("name", "tree").put("n", 3);
        tree.putArray("tags").add("a").add("b");
        t.insert(java.util.stream.Stream.of(Map.of("doc_id", 1, "body", tree)).onClose(() -> closed.set(true)));
        assertTrue(closed.get(), "insert closes the stream it consumed");
        assertEquals(Map.of("name", "tree", "n", 3, "tags", List.of("a", "b")),
                t.restrict(Map.of("doc_id", 1)).fetch1().get("body"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(Map.of("doc_id", 10 + i, "body", i == 1_203 ? (Object) new Object() : Map.of("i", i)));
        }
        DataJointException e = assertThrows(DataJointException.class, () -> t.insert(rows));
        assertTrue(e.getMessage().contains("Row 1204") && e.getMessage().contains("Doc")
                && e.getMessage().contains("'body'") && e.getMessage().contains("Object"), e.getMessage());
        assertEquals(1, t.count(), "the rows before the bad one were not kept");
    }

    @Test
    default void replaceDeletesEveryRowThatConflictsOnAnyUniqueIndexThenInserts(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("replace"));
        Table tag = s.manual("Tag", """
                tag_id : int32
                ---
                code : varchar(8)
                nick = null : varchar(8)
                note = 'none' : varchar(8)
                unique index(code)
                unique index(nick)
                """);
        tag.insert(List.of(tag(1, "a", null, "n1"), tag(2, "b", null, "n2"), tag(3, "c", "cc", "n3"), tag(4, "d", null, "n4")));
        InsertOptions replace = InsertOptions.replace();
        tag.insert(List.of(Map.of("tag_id", 2, "code", "c")), replace);
        assertEquals(List.of(tag(1, "a", null, "n1"), tag(2, "c", null, "none"), tag(4, "d", null, "n4")), tags(tag),
                "the row with the key and the row with the code are both gone; left-out attributes take their defaults");
        tag.insert(List.of(Map.of("tag_id", 9, "code", "d", "note", "n9")), replace);
        assertEquals(List.of(tag(1, "a", null, "n1"), tag(2, "c", null, "none"), tag(9, "d", null, "n9")), tags(tag),
                "a conflict on a secondary unique index alone replaces that row");
        tag.insert(List.of(tag(5, "x", "p", "first"), tag(5, "y", null, "second"), tag(6, "y", null, "third"),
                tag(7, "z", "p", "fourth")), replace);
        assertEquals(List.of(tag(1, "a", null, "n1"), tag(2, "c", null, "none"), tag(6, "y", null, "third"),
                tag(7, "z", "p", "fourth"), tag(9, "d", null, "n9")), tags(tag),
                "rows of one insert apply in order; nulls conflict with nothing");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(tag(100 + i, "m" + i, null, "many"));
        }
        many.set(1_700, tag(1_700, "m200", null, "late"));
        tag.insert(many, replace);
        assertEquals(5 + 2_498, tag.count(), "a row in a later batch replaces one of an earlier batch");
        assertEquals(List.of(Map.of("tag_id", 1_700)), tag.restrict(Map.of("code", "m200")).proj().toDicts());

        Table use = s.manual("Use", "-> Tag\nuse_id : int32\n");
        use.insert1(Map.of("tag_id", 1, "use_id", 1));
        List<Map<String, Object>> before = tags(tag);
        IntegrityException referenced = assertThrows(IntegrityException.class,
                () -> tag.insert(List.of(Map.of("tag_id", 1, "code", "q")), replace));
        assertTrue(referenced.getMessage().contains("update1"), referenced.getMessage());
        assertThrows(IntegrityException.class, () -> tag.insert(List.of(tag(8, "k", null, "k"), tag(10, "a", null, "a")),
                replace), "a row whose unique value another row holds, and that row is referenced");
        assertEquals(before, tags(tag), "a refused replace changes nothing");

        Table settings = s.manual("Settings", "---\nlevel : int32\n");
        settings.insert1(Map.of("level", 1));
        settings.insert(List.of(Map.of("level", 2)), replace);
        assertEquals(List.of(Map.of("level", 2)), settings.toDicts(), "the row of a singleton table is replaced");

        Table source = s.manual("Source", "tag_id : int32\n---\ncode : varchar(8)\n");
        source.insert(List.of(Map.of("tag_id", 11, "code", "c"), Map.of("tag_id", 12, "code", "y")));
        tag.insert(source, replace);
        assertEquals(List.of(), tag.restrict(Cond.or(Map.of("tag_id", 2), Map.of("tag_id", 6))).toDicts(),
                "a query's rows replace the same way");
        assertEquals(List.of(tag(11, "c", null, "none"), tag(12, "y", null, "none")),
                tags(tag.restrict(Cond.or(Map.of("tag_id", 11), Map.of("tag_id", 12)))));
    }

    private static Map<String, Object> tag(int id, String code, String nick, String note) {
        Map<String, Object> row = new HashMap<>();
        row.put("tag_id", id);
        row.put("code", code);
        row.put("nick", nick);
        row.put("note", note);
        return row;
    }

    private static List<Map<String, Object>> tags(Table t) {
        return t.restrict("tag_id < 100").orderBy("tag_id").toDicts();
    }

    private static Map<String, Object> with(Map<String, Object> row, Object... pairs) {
        Map<String, Object> out = new HashMap<>(row);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
