package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.datajoint.Confirmer;
import org.datajoint.ConfirmationException;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.FreeTable;
import org.datajoint.Instance;
import org.datajoint.Schema;
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
}
