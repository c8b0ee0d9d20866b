package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.InsertOptions;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Table;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** Fetching query results in every shape, previews, and INSERT ... SELECT (fetch-api.md, data-manipulation.md). */
public interface FetchTck extends TckTarget {

    /** A row of Session joined with Experimenter. */
    record SessionRow(long subject_id, int session_id, String full_name) {
    }

    @Test
    default void fetchShapesOfARestrictedJoin(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression q = lab.session.join(lab.experimenter).restrict(Map.of("subject_id", 1));
        assertEquals(2, q.toDicts().size());
        assertEquals(List.of(Map.of("subject_id", 1, "session_id", (short) 1), Map.of("subject_id", 1, "session_id",
                (short) 2)), q.orderBy("KEY").keys());
        Map<String, Object> one = q.restrict(Map.of("session_id", 2)).fetch1();
        assertEquals("Ana A", one.get("full_name"));
        assertEquals(Map.of("full_name", "Ana A"), q.restrict(Map.of("session_id", 2)).fetch1("full_name"));
        DataJointException many = assertThrows(DataJointException.class, q::fetch1);
        assertTrue(many.getMessage().contains("more than one"), many.getMessage());
        DataJointException none = assertThrows(DataJointException.class, () -> q.restrict(false).fetch1());
        assertTrue(none.getMessage().contains("none"), none.getMessage());
        assertThrows(UnknownAttributeException.class, () -> q.fetch1("nope"));
        List<SessionRow> typed = q.orderBy("session_id").toList(SessionRow.class);
        assertEquals(List.of(new SessionRow(1, 1, "Ana A"), new SessionRow(1, 2, "Ana A")), typed);
        Map<String, List<Object>> columns = q.orderBy("session_id").toColumns("session_id", "full_name");
        assertEquals(List.of("session_id", "full_name"), List.copyOf(columns.keySet()));
        assertEquals(List.of((short) 1, (short) 2), columns.get("session_id"));
        assertEquals(List.of(1L, 2L), lab.session.restrict(Map.of("subject_id", 1)).orderBy("session_id")
                .column("session_id", Long.class));
        try (Stream<Map<String, Object>> s = q.stream()) {
            assertEquals(2, s.count());
        }
        assertTrue(q.exists());
        assertFalse(q.restrict(false).exists());
        assertEquals(2, q.count());
    }

    @Test
    default void sqlAndPreviewShowTheQuery(TckContext tck) {
        Lab lab = new Lab(tck);
        lab.instance.config().set("display.limit", 2);
        QueryExpression q = lab.subject.restrict(Map.of("species", "rat"));
        String sql = q.sql();
        assertTrue(sql.toLowerCase(java.util.Locale.ROOT).startsWith("select"), sql);
        assertTrue(sql.contains("?") && !sql.contains("rat"), sql);
        String preview = lab.subject.toString();
        assertTrue(preview.contains("*subject_id") && preview.contains("species"), preview);
        assertTrue(preview.contains("Total: 4") && preview.contains("..."), preview);
        assertEquals(2, preview.lines().filter(l -> l.contains("mouse") || l.contains("rat")).count(), preview);
        assertTrue(q.toString().contains("Total: 2"), q.toString());
    }

    @Test
    default void insertFromAQueryRunsOnTheServer(TckContext tck) {
        Lab lab = new Lab(tck);
        Table copy = lab.schema.manual("SubjectCopy", """
                animal_id : int32
                ---
                kind : varchar(32)
                """);
        QueryExpression mice = lab.subject.restrict(Map.of("species", "mouse"))
                .proj(Proj.key().rename("animal_id", "subject_id").rename("kind", "species"));
        long before = lab.instance.connection().statementCount();
        copy.insert(mice);
        assertEquals(1, lab.instance.connection().statementCount() - before, "one INSERT ... SELECT");
        assertEquals(List.of(1, 2), ids(copy, "animal_id"));
        assertThrows(DuplicateKeyException.class, () -> copy.insert(mice));
        copy.insert(mice, InsertOptions.skipDuplicates());
        copy.insert(lab.subject.proj(Proj.key().rename("animal_id", "subject_id").compute("kind", "'any'")),
                InsertOptions.skipDuplicates());
        assertEquals(List.of(1, 2, 3, 4), ids(copy, "animal_id"));
        assertEquals("mouse", copy.restrict(Map.of("animal_id", 1)).fetch1().get("kind"));
        copy.insert(lab.subject.proj(Proj.key().rename("animal_id", "subject_id").compute("kind", "'any'")),
                InsertOptions.defaults().withReplace());
        assertEquals("any", copy.restrict(Map.of("animal_id", 1)).fetch1().get("kind"));
        assertThrows(UnknownAttributeException.class, () -> copy.insert(lab.subject));
        DataJointException missing = assertThrows(DataJointException.class,
                () -> copy.insert(lab.subject.proj(Proj.key().rename("animal_id", "subject_id"))));
        assertTrue(missing.getMessage().contains("kind"), missing.getMessage());
    }
}
