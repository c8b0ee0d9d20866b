package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.Confirmer;
import org.datajoint.ConfirmationException;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.FreeTable;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** Schemas: created when missing, listed, dropped under safemode. */
public interface SchemaTck extends TckTarget {

    @Test
    default void schemaIsCreatedWhenMissingAndReopenedWhenPresent(TckContext tck) {
        Instance inst = tck.instance();
        String name = tck.schemaName("create");
        Schema s = inst.schema(name);
        assertEquals(name, s.name());
        assertTrue(s.exists());
        assertTrue(s.listTables().isEmpty());
        FreeTable t = inst.freeTable(name + ".animal");
        assertFalse(t.isDeclared());
        inst.connection().execute("CREATE TABLE " + t.fullTableName() + " (id INTEGER PRIMARY KEY)");
        inst.connection().execute("CREATE TABLE " + inst.freeTable(name + ".#lookup").fullTableName() + " (id INTEGER)");
        assertTrue(t.isDeclared());
        assertTrue(inst.freeTable("`" + name + "`.`animal`").isDeclared());
        assertTrue(inst.freeTable("\"" + name + "\".\"animal\"").isDeclared());
        Schema again = inst.schema(name);
        assertEquals(List.of("#lookup", "animal"), again.listTables());
    }

    @Test
    default void invalidNamesAreRefused(TckContext tck) {
        Instance inst = tck.instance();
        for (String bad : List.of("bad name; DROP", "x".repeat(65))) {
            DataJointException e = assertThrows(DataJointException.class, () -> inst.schema(bad));
            assertTrue(e.getMessage().contains("Invalid schema name '" + bad + "'"), e.getMessage());
        }
        DataJointException empty = assertThrows(DataJointException.class, () -> inst.schema(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        for (String bad : List.of("no_dot", "a.b.c")) {
            DataJointException e = assertThrows(DataJointException.class, () -> inst.freeTable(bad));
            assertTrue(e.getMessage().contains("Invalid full table name '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    default void dropAsksTheConfirmerUnderSafemode(TckContext tck) {
        Instance inst = tck.instance();
        String name = tck.schemaName("drop");
        Schema s = inst.schema(name);
        inst.connection().execute("CREATE TABLE " + inst.freeTable(name + ".t").fullTableName() + " (id INTEGER)");
        List<String> questions = new ArrayList<>();
        inst.config().confirmer(q -> {
            questions.add(q);
            return false;
        });
        assertFalse(s.drop(), "declined");
        assertTrue(s.exists());
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).contains(name) && questions.get(0).contains("1 table"), questions.get(0));
        inst.config().confirmer(Confirmer.always());
        assertTrue(s.drop());
        assertFalse(s.exists());
        assertFalse(s.drop(), "dropping a missing schema does nothing");
    }

    @Test
    default void dropWithoutConsoleRefusesClearlyAndNoPromptSkipsTheQuestion(TckContext tck) {
        Instance inst = tck.instance();
        inst.config().confirmer(Confirmer.console());
        Schema s = inst.schema(tck.schemaName("console"));
        if (System.console() == null) {
            ConfirmationException e = assertThrows(ConfirmationException.class, s::drop);
            assertTrue(e.getMessage().contains("safemode"), e.getMessage());
            assertTrue(s.exists());
        }
        assertTrue(s.drop(DropOptions.noPrompt()));
        assertFalse(s.exists());
        Schema t = inst.schema(tck.schemaName("nosafe"));
        inst.config().set("safemode", false);
        assertTrue(t.drop());
        assertFalse(t.exists());
    }

    @Test
    default void dropNamesAndDropsTheTablesOfOtherSchemasThatReferenceIt(TckContext tck) {
        Instance inst = tck.instance();
        Schema a = inst.schema(tck.schemaName("dropa"));
        Schema b = inst.schema(tck.schemaName("dropb"));
        Table parent = a.manual("Parent", "parent_id : int32\n");
        Table child = b.manual("Child", "-> " + a.name() + ".Parent\nchild_id : int32\n");
        Table kept = b.manual("Kept", "kept_id : int32\n");
        parent.insert1(Map.of("parent_id", 1));
        child.insert1(Map.of("parent_id", 1, "child_id", 1));
        kept.insert1(Map.of("kept_id", 1));
        List<String> questions = new ArrayList<>();
        inst.config().confirmer(q -> {
            questions.add(q);
            return false;
        });
        assertFalse(a.drop(), "declined");
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).contains(child.fullTableName()), "names the table of the other schema: " + questions);
        assertTrue(a.exists() && child.isDeclared());
        assertEquals(1, parent.count());
        assertTrue(a.drop(DropOptions.noPrompt()));
        assertFalse(a.exists());
        assertFalse(child.isDeclared(), "the referencing table went with the schema it references");
        assertEquals(List.of("kept"), userTables(b));
        assertEquals(1, kept.count());
        assertEquals(List.of(), inst.connection().query("SELECT attribute_name FROM "
                + inst.freeTable(b.name() + ".~lineage").fullTableName() + " WHERE table_name = ?", "child"));
    }

    @Test
    default void schemasThatReferenceEachOtherDropInDependencyOrder(TckContext tck) {
        Instance inst = tck.instance();
        Schema a = inst.schema(tck.schemaName("mutuala"));
        Schema b = inst.schema(tck.schemaName("mutualb"));
        Table root = a.manual("Root", "root_id : int32\n");
        Table middle = b.manual("Middle", "-> " + a.name() + ".Root\nmiddle_id : int32\n");
        Table back = a.manual("Back", "-> " + b.name() + ".Middle\nback_id : int32\n");
        Table leaf = b.manual("Leaf", "-> " + a.name() + ".Back\n");
        Table other = b.manual("Other", "other_id : int32\n");
        root.insert1(Map.of("root_id", 1));
        middle.insert1(Map.of("root_id", 1, "middle_id", 1));
        back.insert1(Map.of("root_id", 1, "middle_id", 1, "back_id", 1));
        leaf.insert1(Map.of("root_id", 1, "middle_id", 1, "back_id", 1));
        other.insert1(Map.of("other_id", 1));
        try (Instance fresh = tck.builder().build()) {
            List<String> questions = new ArrayList<>();
            fresh.config().confirmer(q -> {
                questions.add(q);
                return false;
            });
            assertFalse(fresh.schema(a.name()).drop());
            assertTrue(questions.get(0).contains(middle.fullTableName()) && questions.get(0).contains(leaf.fullTableName()),
                    questions.toString());
            assertTrue(fresh.schema(a.name()).drop(DropOptions.noPrompt()), "a schema referenced both ways drops");
        }
        assertFalse(a.exists());
        assertEquals(List.of("other"), userTables(b), "what depended on the dropped schema went with it");
        assertEquals(1, other.count());

        Schema c = inst.schema(tck.schemaName("mutualc"));
        Schema d = inst.schema(tck.schemaName("mutuald"));
        Table first = c.manual("First", "first_id : int32\n");
        d.manual("Second", "-> " + c.name() + ".First\nsecond_id : int32\n");
        c.manual("Third", "-> " + d.name() + ".Second\n");
        first.insert1(Map.of("first_id", 1));
        assertTrue(d.drop(DropOptions.noPrompt()), "dropped from the other side");
        assertFalse(d.exists());
        assertEquals(List.of("first"), userTables(c));
        assertEquals(1, first.count());
    }

    private static List<String> userTables(Schema s) {
        return s.instance().schema(s.name()).listTables().stream().filter(t -> !t.startsWith("~")).toList();
    }
}
