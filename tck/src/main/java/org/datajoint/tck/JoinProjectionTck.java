package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.datajoint.tck.QueryAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.datajoint.DataJointException;
import org.datajoint.Match;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** Join, extension, projection and semantic matching (query-algebra.md 3, 4, 6, 9; primary-keys.md). */
public interface JoinProjectionTck extends TckTarget {

    @Test
    default void joinPrimaryKeyFollowsFunctionalDependencies(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression st = lab.session.join(lab.trial);
        assertEquals(List.of("subject_id", "session_id", "trial_id"), st.heading().primaryKey(), "B -> A: PK(B)");
        assertEquals(Lab.totalTrials(), st.count());
        assertEquals(List.of("subject_id", "session_id", "trial_id"), lab.trial.join(lab.session).heading().primaryKey());
        QueryExpression se = lab.session.join(lab.experimenter);
        assertEquals(List.of("subject_id", "session_id"), se.heading().primaryKey(), "A -> B: PK(A)");
        assertEquals(6, se.count());
        assertEquals(List.of("subject_id", "session_id", "experimenter", "session_date", "notes", "full_name"),
                se.heading().names());
        QueryExpression sx = lab.subject.join(lab.experimenter);
        assertEquals(List.of("subject_id", "experimenter"), sx.heading().primaryKey(), "neither: the union");
        assertEquals(12, sx.count());
        assertEquals(List.of("subject_id", "experimenter", "species", "sex", "date_of_birth", "full_name"),
                sx.heading().names());
    }

    @Test
    default void extendKeepsEveryRowAndNeedsTheLeftToDetermineTheRight(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression e = lab.session.extend(lab.experimenter.restrict(Map.of("experimenter", "ana")));
        List<Map<String, Object>> rows = e.toDicts();
        assertEquals(6, rows.size());
        assertEquals(List.of("subject_id", "session_id"), e.heading().primaryKey());
        assertEquals("Ana A", row(rows, "subject_id", 1).get("full_name"));
        assertNull(row(rows, "subject_id", 3).get("full_name"), "ben's sessions have no match on the right");
        assertEquals(Lab.totalTrials(), lab.trial.extend(lab.session).count());
        DataJointException x = assertThrows(DataJointException.class, () -> lab.session.extend(lab.trial));
        assertTrue(x.getMessage().contains("trial_id"), x.getMessage());
    }

    @Test
    default void joiningTheSameOperandsAgainGivesTheSameRowsWhateverCameBetween(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression ana = lab.experimenter.restrict(Map.of("experimenter", "ana"));
        for (int round = 0; round < 3; round++) {
            String r = "round " + round;
            assertEquals(Lab.totalTrials(), lab.session.join(lab.trial).count(), r);
            assertEquals(3, lab.session.join(ana).count(), r + ": ana ran three sessions");
            assertEquals(6, lab.session.extend(ana).count(), r + ": extend keeps the other three");
            assertEquals(3, lab.session.join(ana).count(), r + ": a join after an extend of the same operand");
            assertEquals(6, lab.session.join(lab.experimenter).count(), r);
            assertEquals(1, lab.student.join(lab.course, Match.NATURAL).count(), r);
            assertThrows(DataJointException.class, () -> lab.student.join(lab.course), r + ": semantic after natural");
            assertEquals(1, lab.student.join(lab.course, Match.NATURAL).count(), r + ": natural after semantic");
        }
    }

    @Test
    default void namesakesOfDifferentLineageAreRefused(TckContext tck) {
        Lab lab = new Lab(tck);
        String schema = lab.schema.name();
        DataJointException e = assertThrows(DataJointException.class, () -> lab.student.join(lab.course));
        assertTrue(e.getMessage().contains("'id'") && e.getMessage().contains(schema + ".student.id")
                && e.getMessage().contains(schema + ".course.id"), e.getMessage());
        assertThrows(DataJointException.class, () -> lab.student.restrict(lab.course));
        assertThrows(DataJointException.class, () -> lab.student.antiRestrict(lab.course));
        assertEquals(1, lab.student.join(lab.course, Match.NATURAL).count(), "opt-out: match by name");
        assertEquals(1, lab.student.restrict(lab.course, Match.NATURAL).count());
        QueryExpression renamed = lab.student.join(lab.course.proj(Proj.all().rename("course_id", "id")));
        assertEquals(List.of("id", "course_id"), renamed.heading().primaryKey());
        assertEquals(4, renamed.count());
        DataJointException secondary = assertThrows(DataJointException.class,
                () -> lab.subject.proj(Proj.key().compute("x", "1")).join(lab.session.proj(Proj.key().compute("x", "2"))));
        assertTrue(secondary.getMessage().contains("lineage"), secondary.getMessage());
    }

    @Test
    default void joinsAcrossSchemasMatchByLineage(TckContext tck) {
        Lab lab = new Lab(tck);
        Schema other = lab.instance.schema(tck.schemaName("treat"));
        Table treatment = other.manual("Treatment", "-> " + lab.schema.name() + ".Subject\n---\ndrug : varchar(16)\n");
        treatment.insert(List.of(Map.of("subject_id", 1, "drug", "saline"), Map.of("subject_id", 3, "drug", "x")));
        QueryExpression j = lab.subject.join(treatment);
        assertEquals(List.of("subject_id"), j.heading().primaryKey());
        assertEquals(List.of(1, 3), ids(j, "subject_id"));
        assertEquals(List.of(1), ids(lab.session.join(treatment).restrict(Map.of("drug", "saline"))
                .proj().restrict("session_id = 2"), "subject_id"));
    }

    @Test
    default void tablesWithoutLineageAreMatchedByName(TckContext tck) {
        org.datajoint.Instance inst = tck.instance();
        String name = tck.schemaName("raw");
        inst.schema(name);
        String a = inst.freeTable(name + ".a").fullTableName();
        String b = inst.freeTable(name + ".b").fullTableName();
        inst.connection().execute("CREATE TABLE " + a + " (id INTEGER PRIMARY KEY, x INTEGER)");
        inst.connection().execute("CREATE TABLE " + b + " (id INTEGER PRIMARY KEY, y INTEGER)");
        inst.connection().execute("INSERT INTO " + a + " VALUES (1, 10), (2, 20)");
        inst.connection().execute("INSERT INTO " + b + " VALUES (2, 200), (3, 300)");
        QueryExpression j = inst.freeTable(name + ".a").join(inst.freeTable(name + ".b"));
        assertEquals(List.of(Map.of("id", 2, "x", 20, "y", 200)), j.toDicts(),
                "no ~lineage table: a natural join on the namesakes, as DataJoint for Python does");
    }

    @Test
    default void projectionKeepsDropsRenamesDuplicatesAndComputes(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(List.of("subject_id"), lab.subject.proj().heading().names());
        assertEquals(List.of("subject_id", "species"), lab.subject.proj("species").heading().names());
        assertEquals(List.of("subject_id", "species", "date_of_birth"), lab.subject.proj("...", "-sex").heading().names());
        assertEquals(List.of("subject_id", "species", "date_of_birth"),
                lab.subject.proj(Proj.all().exclude("sex")).heading().names());
        QueryExpression renamed = lab.subject.proj(Proj.key().rename("animal_id", "subject_id"));
        assertEquals(List.of("animal_id"), renamed.heading().primaryKey());
        assertEquals(List.of(1, 2, 3, 4), ids(renamed, "animal_id"));
        QueryExpression dup = lab.subject.proj(Proj.of("species").duplicate("kind", "species"));
        assertEquals(List.of("subject_id"), dup.heading().primaryKey());
        assertEquals(List.of(List.of("mouse", "mouse"), List.of("mouse", "mouse"), List.of("rat", "rat"),
                List.of("rat", "rat")), dup.orderBy("KEY").toDicts().stream()
                .map(r -> List.of(r.get("species"), r.get("kind"))).toList());
        QueryExpression twice = lab.subject.proj(Proj.key().compute("twice", "subject_id * 2"));
        assertEquals(List.of(2, 4, 6, 8), ids(twice, "twice"));
        assertEquals(Long.class, twice.toDicts().get(0).get("twice").getClass(), "whole computed values are Long");
        assertEquals(List.of(1, 2), ids(lab.subject.proj(Proj.key().compute("y", "YEAR(date_of_birth)"))
                .restrict("y = 2024"), "subject_id"));
        QueryExpression all = lab.subject.proj(Proj.all().compute("one", "1"));
        assertEquals(List.of("subject_id", "species", "sex", "date_of_birth", "one"), all.heading().names());
    }

    @Test
    default void projectionErrorsNameTheAttribute(TckContext tck) {
        Lab lab = new Lab(tck);
        DataJointException pk = assertThrows(DataJointException.class,
                () -> lab.subject.proj(Proj.all().exclude("subject_id")));
        assertTrue(pk.getMessage().contains("subject_id"), pk.getMessage());
        UnknownAttributeException unknown = assertThrows(UnknownAttributeException.class, () -> lab.subject.proj("nope"));
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
        assertThrows(UnknownAttributeException.class, () -> lab.subject.proj(Proj.key().rename("a", "nope")));
        DataJointException clash = assertThrows(DataJointException.class,
                () -> lab.subject.proj(Proj.of("species").rename("species", "sex")));
        assertTrue(clash.getMessage().contains("species"), clash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Proj.key().compute("x", "1").compute("x", "2"));
    }

    @Test
    default void restrictionsAndProjectionsNestThroughRenames(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression renamed = lab.subject.proj(Proj.all().rename("animal_id", "subject_id"));
        assertEquals(1, renamed.restrict(Map.of("animal_id", 3)).count());
        assertEquals(2, renamed.restrict("animal_id > 2").count());
        assertEquals(4, renamed.restrict(Map.of("subject_id", 3)).count(), "the old name is gone: the key is ignored");
        QueryExpression chain = lab.subject.proj(Proj.key().compute("a", "subject_id + 1"))
                .proj(Proj.of("a").compute("b", "a * 10"));
        assertEquals(List.of(20, 30, 40, 50), ids(chain, "b"));
        assertEquals(2, chain.restrict("a > 3").count());
        QueryExpression restrictedThenRenamed = lab.subject.restrict("species = 'rat'")
                .proj(Proj.all().rename("kind", "species")).restrict("kind = 'rat'");
        assertEquals(List.of(3, 4), ids(restrictedThenRenamed, "subject_id"));
        QueryExpression joinedRenamed = lab.session.join(lab.trial).proj(Proj.all().rename("sid", "subject_id"))
                .restrict(Map.of("sid", 1)).restrict("outcome = 'hit'");
        assertEquals(3, joinedRenamed.count());
    }
}
