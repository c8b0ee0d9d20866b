package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.datajoint.tck.QueryAssertions.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.Cond;
import org.datajoint.DataJoint;
import org.datajoint.QueryExpression;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** Restriction and anti-restriction by every kind of condition (query-algebra.md section 2). */
public interface RestrictionTck extends TckTarget {

    /** A restriction by primary key, for tests. */
    record SubjectKey(int subject_id) {
    }

    @Test
    default void restrictionByMapIsAndOfEqualitiesIgnoringUnknownKeys(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(2, lab.subject.restrict(Map.of("species", "mouse")).count());
        assertEquals(1, lab.subject.restrict(Map.of("species", "mouse", "sex", "M")).count());
        assertEquals(2, lab.subject.restrict(Map.of("species", "rat", "nonexistent", 1)).count());
        assertEquals(4, lab.subject.restrict(Map.of("nonexistent", 1)).count(), "no shared key: every row");
        Map<String, Object> nullBirth = new HashMap<>();
        nullBirth.put("date_of_birth", null);
        assertEquals(List.of(4), ids(lab.subject.restrict(nullBirth), "subject_id"));
        assertEquals(List.of(3), ids(lab.subject.restrict(new SubjectKey(3)), "subject_id"));
        assertEquals(List.of(2, 3), ids(lab.session.restrict(Map.of("subject_id", 3)).restrict("session_id > 1"),
                "session_id"));
    }

    @Test
    default void statementsOfTheSameShapeBindTheirOwnValues(TckContext tck) {
        Lab lab = new Lab(tck);
        for (int round = 0; round < 3; round++) {
            for (int id = 1; id <= 4; id++) {
                assertEquals(id, lab.subject.restrict(Map.of("subject_id", id)).fetch1().get("subject_id"));
            }
            for (int subject = 1; subject <= 4; subject++) {
                for (int session = 1; session <= 3; session++) {
                    QueryExpression bound = lab.session.restrict(Map.of("subject_id", subject)).orderBy("session_id")
                            .limit(10).restrict(Map.of("session_id", session));
                    QueryExpression literal = lab.session.restrict("subject_id = " + subject + " AND session_id = "
                            + session);
                    int sessions = Lab.sessionExists(subject, session) ? 1 : 0;
                    assertEquals(sessions, bound.toDicts().size(), "subject " + subject + ", session " + session);
                    assertEquals(literal.toDicts(), bound.toDicts(), "subject " + subject + ", session " + session);
                    long trials = Lab.trialsOf(subject);
                    for (int n = 1; n <= 3; n++) {
                        assertEquals(Math.min(n, trials), lab.trial.restrict(Map.of("subject_id", subject))
                                .orderBy("trial_id").limit(n).toDicts().size());
                    }
                }
            }
        }
    }

    @Test
    default void restrictingByTheSameTextAgainGivesTheSameRowsWhateverCameBetween(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression hits = lab.trial.restrict("outcome = 'hit'");
        long hitCount = lab.trial.restrict(Map.of("outcome", "hit")).count();
        assertEquals(7, hitCount, "trials 1 and 3 of each session");
        assertEquals(Lab.totalTrials(), lab.trial.count());
        for (int round = 0; round < 3; round++) {
            assertEquals(hitCount, lab.trial.restrict("outcome = 'hit'").count(), "round " + round);
            long perSubject = 0;
            assertEquals(lab.trial.count() - hitCount, lab.trial.restrict("outcome = 'miss'").count(), "round " + round);
            for (int subject = 1; subject <= 4; subject++) {
                List<Map<String, Object>> expected = lab.trial.restrict("outcome = 'hit' AND subject_id = " + subject)
                        .toDicts();
                perSubject += expected.size();
                assertEquals(sorted(expected),
                        sorted(hits.restrict(Map.of("subject_id", subject)).toDicts()),
                        "subject " + subject);
                assertEquals(sorted(expected), sorted(lab.trial.restrict("outcome = 'hit'")
                        .restrict(Map.of("subject_id", subject)).toDicts()));
            }
            assertEquals(hitCount, perSubject);
            assertThrows(UnknownAttributeException.class, () -> lab.trial.restrict("nonexistent = 1"), "round " + round);
        }
    }

    @Test
    default void restrictingAgainByAnEqualMapReusesTheExpressionButAChangedMapRestrictsAnew(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression first = lab.session.restrict(Map.of("subject_id", 3));
        assertSame(first, lab.session.restrict(Map.of("subject_id", 3)), "an equal map of immutable values");
        assertEquals(List.of(1, 2, 3), ids(lab.session.restrict(Map.of("subject_id", 3L)), "session_id"));
        Map<String, Object> key = new HashMap<>(Map.of("subject_id", 1));
        assertEquals(List.of(1, 2), ids(lab.session.restrict(key), "session_id"));
        key.put("subject_id", 2);
        assertEquals(List.of(1), ids(lab.session.restrict(key), "session_id"), "the same map, changed in between");
        assertEquals(List.of(1, 2, 3), ids(lab.session.restrict(Map.of("subject_id", 3)), "session_id"));
        java.sql.Date born = java.sql.Date.valueOf("2024-01-10");
        Map<String, Object> byBirth = Map.of("date_of_birth", born);
        assertEquals(List.of(1), ids(lab.subject.restrict(byBirth), "subject_id"));
        born.setTime(java.sql.Date.valueOf("2024-03-05").getTime());
        assertEquals(List.of(2), ids(lab.subject.restrict(byBirth), "subject_id"), "a mutable value, changed in between");
        lab.session.insert(List.of(Map.of("subject_id", 3, "session_id", 4, "experimenter", "ana",
                "session_date", java.time.LocalDate.of(2024, 6, 1))));
        assertEquals(List.of(1, 2, 3, 4), ids(first, "session_id"), "the same expression fetched again reads anew");
    }

    @Test
    default void restrictionBySqlTextInEitherBackendsSpelling(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(2, lab.subject.restrict("species = \"mouse\"").count(), "MySQL double-quoted literal");
        assertEquals(2, lab.subject.restrict("`species` = 'rat'").count(), "MySQL backtick identifier");
        assertEquals(2, lab.subject.restrict("\"species\" = 'rat'").count(), "PostgreSQL quoted identifier");
        assertEquals(List.of(4), ids(lab.subject.restrict("date_of_birth IS NULL"), "subject_id"));
        assertEquals(List.of(1, 2), ids(lab.subject.restrict("YEAR(date_of_birth) = 2024"), "subject_id"));
        assertEquals(2, lab.subject.restrict("species LIKE 'm%'").count());
        assertEquals(1, lab.subject.restrict("species = 'it''s' OR subject_id = 1").count());
        assertEquals(2, lab.subject.restrict("trim(both ' ' from species) = 'rat'").count(), "SQL words in lower case");
        assertEquals(2, lab.subject.restrict("substring(species from 1 for 1) = 'm'").count());
        assertEquals(3, lab.subject.restrict("cast(date_of_birth as date) > '2000-01-01'").count());
        UnknownAttributeException e = assertThrows(UnknownAttributeException.class,
                () -> lab.subject.restrict("nonexistent = 1"));
        assertTrue(e.getMessage().contains("nonexistent"), e.getMessage());
    }

    @Test
    default void restrictionByExpressionIsASemijoinOnSharedAttributes(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(5, lab.session.restrict(lab.trial).count(), "sessions with trials");
        assertEquals(1, lab.session.antiRestrict(lab.trial).count(), "sessions without trials");
        assertEquals(List.of(3), ids(lab.subject.restrict(lab.session.restrict(Map.of("experimenter", "ben"))),
                "subject_id"));
        assertEquals(List.of(4), ids(lab.subject.antiRestrict(lab.session), "subject_id"));
        assertEquals(2, lab.student.restrict(lab.experimenter).count(), "no shared attribute: a non-empty set keeps all");
        assertEquals(0, lab.student.restrict(lab.experimenter.restrict(false)).count());
        assertEquals(2, lab.student.antiRestrict(lab.experimenter.restrict(false)).count());
    }

    @Test
    default void collectionsAreOrAndCondCombines(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(3, lab.session.restrict(List.of(Map.of("subject_id", 1), Map.of("subject_id", 2))).count());
        assertEquals(3, lab.session.restrict(List.of(Map.of("subject_id", 1), "subject_id = 2")).count());
        assertEquals(0, lab.session.restrict(List.of()).count(), "an empty OR is false");
        assertEquals(6, lab.session.antiRestrict(List.of()).count());
        assertEquals(3, lab.session.antiRestrict(List.of(Map.of("subject_id", 1), Map.of("subject_id", 2))).count());
        assertEquals(2, lab.session.restrict(Cond.and(Map.of("subject_id", 3), "session_id < 3")).count());
        assertEquals(3, lab.session.restrict(Cond.not(Map.of("subject_id", 3))).count());
        assertEquals(6, lab.session.restrict(Cond.or(Map.of("subject_id", 3), Cond.and())).count(),
                "an empty AND is true");
        assertEquals(6, lab.session.restrict(true).count());
        assertEquals(0, lab.session.restrict(false).count());
        assertEquals(0, lab.session.antiRestrict(true).count());
        assertEquals(6, lab.session.restrict(DataJoint.U("subject_id")).count(), "a universal set restricts nothing");
    }

    @Test
    default void restrictionCommutesAndAntiRestrictionComplements(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression a = lab.trial.restrict("outcome = 'hit'").restrict(lab.session.restrict(Map.of("experimenter", "ben")));
        QueryExpression b = lab.trial.restrict(lab.session.restrict(Map.of("experimenter", "ben"))).restrict("outcome = 'hit'");
        assertEquals(sorted(a.keys()), sorted(b.keys()));
        assertEquals(4, a.count());
        for (Object c : List.of(lab.trial, Map.of("subject_id", 1), "session_date > '2024-05-07'", List.of())) {
            long all = lab.session.count();
            long in = lab.session.restrict(c).count();
            long out = lab.session.antiRestrict(c).count();
            assertEquals(all, in + out, "A = (A & c) + (A - c) for " + c);
            assertEquals(sorted(lab.session.antiRestrict(c).keys()),
                    sorted(lab.session.antiRestrict(lab.session.restrict(c).proj()).keys()), "A - c = A - (A & c) for " + c);
        }
    }

    @Test
    default void hostileValuesAreBoundNeverSpliced(TckContext tck) {
        Lab lab = new Lab(tck);
        for (String hostile : List.of("'; DROP TABLE subject; --", "\\' OR 1=1 --", "\" OR \"\"=\"", "%", "x\u0000y", "\uD83D\uDC2D")) {
            QueryExpression q = lab.subject.restrict(Map.of("species", hostile));
            assertEquals(0, q.count(), hostile);
            assertEquals(0, lab.subject.restrict(Map.of("species", hostile)).toDicts().size(), hostile);
            assertFalse(q.sql().contains(hostile), q.sql());
        }
        assertEquals(4, lab.subject.count());
    }
}
