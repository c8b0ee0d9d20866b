package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.datajoint.tck.QueryAssertions.idsInOrder;
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
        assertEquals(List.of(3, 4), lab.instance.connection().query(sql, "rat").stream()
                .map(r -> ((Number) r.get("subject_id")).intValue()).sorted().toList(),
                "the statement shown, run with the restriction's value bound, gives the query's rows");
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

    /** A record of the narrower types the values fit exactly into. */
    record Narrow(int subject_id, float score) {
    }

    /** A record whose component cannot take the value's type. */
    record Scored(int subject_id, String score) {
    }

    @Test
    default void recordsTakeValuesNarrowedExactlyOrNotAtAll(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("narrow")).manual("Score", """
                subject_id : int32
                ---
                score : float64
                blob : bytes
                """);
        t.insert1(Map.of("subject_id", 1, "score", 0.5, "blob", new byte[] {1, 2}));
        assertEquals(List.of(new Narrow(1, 0.5f)), t.proj("score").toList(Narrow.class));
        t.insert1(Map.of("subject_id", 2, "score", 0.123456789, "blob", new byte[] {3}));
        DataJointException lossy = assertThrows(DataJointException.class, () -> t.proj("score").toList(Narrow.class));
        assertTrue(lossy.getMessage().contains("Narrow.score"), lossy.getMessage());
        DataJointException bytes = assertThrows(DataJointException.class,
                () -> t.proj(Proj.key().rename("score", "blob")).toList(Scored.class));
        assertTrue(bytes.getMessage().contains("Scored.score") && bytes.getMessage().contains("byte[]"), bytes.getMessage());
    }

    @Test
    default void limitsAndFetch1OfARestrictionKeepTheirOwnRowsWhateverCameBefore(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression ratTrials = lab.trial.restrict(Map.of("subject_id", 3));
        for (int round = 0; round < 2; round++) {
            for (int n = 1; n <= 8; n++) {
                assertEquals(Math.min(n, 7), ratTrials.limit(n).toDicts().size(), "limit " + n + ", round " + round);
            }
            assertEquals(List.of(4, 3), idsInOrder(ratTrials.orderBy("trial_id DESC").limit(2), "trial_id"));
            assertEquals(List.of(1, 1), idsInOrder(ratTrials.orderBy("trial_id").limit(2), "trial_id"));
            assertEquals(List.of(3, 4), idsInOrder(ratTrials.restrict(Map.of("session_id", 1)).orderBy("trial_id")
                    .offset(2).limit(2), "trial_id"));
            for (int[] t : Lab.TRIALS) {
                for (int trial = 1; trial <= t[2]; trial++) {
                    Map<String, Object> row = lab.trial.restrict(Map.of("subject_id", t[0], "session_id", t[1],
                            "trial_id", trial)).fetch1();
                    assertEquals(List.of(t[0], t[1], trial), List.of(((Number) row.get("subject_id")).intValue(),
                            ((Number) row.get("session_id")).intValue(), ((Number) row.get("trial_id")).intValue()));
                    assertEquals(trial % 2 == 1 ? "hit" : "miss", row.get("outcome"));
                }
            }
        }
    }

    @Test
    default void fetch1NamesTheTablesOfAQueryThatHasNoSingleRow(TckContext tck) {
        Lab lab = new Lab(tck);
        DataJointException e = assertThrows(DataJointException.class, () -> lab.subject.join(lab.session).fetch1());
        assertTrue(e.getMessage().contains("more than one") && e.getMessage().contains("subject")
                && e.getMessage().contains("session"), e.getMessage());
        DataJointException none = assertThrows(DataJointException.class,
                () -> lab.subject.restrict(Map.of("subject_id", 99)).fetch1());
        assertTrue(none.getMessage().contains("none") && none.getMessage().contains("subject"), none.getMessage());
    }
}
