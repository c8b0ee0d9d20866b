package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.datajoint.tck.QueryAssertions.idsInOrder;
import static org.datajoint.tck.QueryAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.datajoint.DataJoint;
import org.datajoint.DataJointException;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Table;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** Aggregation, union, universal sets and top (query-algebra.md 5, 7, 8, 12). */
public interface AggregationTck extends TckTarget {

    @Test
    default void aggregationKeepsEveryGroupingRowByDefault(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression n = lab.subject.aggr(lab.session, Map.of("n", "count(session_id)"));
        assertEquals(List.of("subject_id"), n.heading().primaryKey());
        List<Map<String, Object>> rows = n.toDicts();
        assertEquals(4, rows.size());
        assertEquals(2L, row(rows, "subject_id", 1).get("n"));
        assertEquals(1L, row(rows, "subject_id", 2).get("n"));
        assertEquals(3L, row(rows, "subject_id", 3).get("n"));
        assertEquals(0L, row(rows, "subject_id", 4).get("n"));
        assertEquals(3, lab.subject.aggr(lab.session, Proj.key().compute("n", "count(*)"), true).count());
        assertEquals(List.of(1, 3), ids(n.restrict("n > 1"), "subject_id"), "a restriction on an aggregate");
        assertEquals(List.of(3), ids(n.restrict(Map.of("n", 3)), "subject_id"));
        UnknownAttributeException ofTheGroup = assertThrows(UnknownAttributeException.class,
                () -> lab.subject.aggr(lab.session, Proj.of("experimenter").compute("n", "count(*)")));
        assertTrue(ofTheGroup.getMessage().contains("'experimenter'"), ofTheGroup.getMessage());
        QueryExpression stats = lab.session.aggr(lab.trial, Proj.all().compute("trials", "count(trial_id)")
                .compute("best", "max(score)").compute("hits", "sum(outcome = 'hit')"));
        assertEquals(List.of("subject_id", "session_id", "experimenter", "session_date", "notes", "trials", "best", "hits"),
                stats.heading().names());
        List<Map<String, Object>> s = stats.restrict(Map.of("subject_id", 3, "session_id", 1)).toDicts();
        assertEquals(4L, s.get(0).get("trials"));
        assertEquals(34.0, ((Number) s.get(0).get("best")).doubleValue());
        assertEquals(2L, s.get(0).get("hits"));
        Map<String, Object> empty = stats.restrict(Map.of("subject_id", 2)).fetch1();
        assertEquals(0L, empty.get("trials"));
        assertNull(empty.get("best"));
    }

    @Test
    default void aggregationsOfRestrictedJoinsAndEmptySets(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression hits = lab.subject.aggr(lab.session.join(lab.trial).restrict("outcome = 'hit'"),
                Map.of("n", "count(trial_id)"));
        List<Map<String, Object>> rows = hits.toDicts();
        assertEquals(3L, row(rows, "subject_id", 1).get("n"));
        assertEquals(0L, row(rows, "subject_id", 2).get("n"));
        assertEquals(4L, row(rows, "subject_id", 3).get("n"));
        QueryExpression none = lab.subject.aggr(lab.session.restrict(false), Map.of("n", "count(session_id)"));
        assertEquals(4, none.count());
        assertEquals(List.of(0L, 0L, 0L, 0L), none.toDicts().stream().map(r -> r.get("n")).toList());
        Map<String, Object> total = DataJoint.U().aggr(lab.session.restrict(false), Map.of("n", "count(*)")).fetch1();
        assertEquals(Map.of("n", 0L), total);
        DataJointException e = assertThrows(DataJointException.class,
                () -> lab.session.aggr(lab.subject, Map.of("n", "count(*)")));
        assertTrue(e.getMessage().contains("session_id"), e.getMessage());
    }

    @Test
    default void aggregationsJoinAndRestrictOnTheirComputedAttributes(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression perSession = lab.session.aggr(lab.trial, Proj.all().compute("n", "count(trial_id)"));
        QueryExpression best = lab.experimenter.aggr(perSession, Proj.key().compute("max_n", "max(n)"));
        QueryExpression top = perSession.join(best).restrict("n = max_n");
        assertEquals(List.of(Map.of("subject_id", 1, "session_id", (short) 1), Map.of("subject_id", 3,
                "session_id", (short) 1)), top.orderBy("KEY").keys());
        QueryExpression counted = lab.experimenter.aggr(lab.session, Proj.all().compute("count", "COUNT(*)"))
                .restrict("count > 1");
        assertEquals(List.of("ana", "ben"), counted.orderBy("experimenter").column("experimenter", String.class));
        QueryExpression ranked = lab.subject.aggr(lab.session, Proj.of("species").compute("n", "count(session_id)"))
                .restrict("n > 0").orderBy("n DESC").limit(1);
        assertEquals(Map.of("subject_id", 3, "species", "rat", "n", 3L), ranked.fetch1());
    }

    @Test
    default void groupConcatAndStringAggWorkOnEveryBackend(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression ben = lab.experimenter.restrict(Map.of("experimenter", "ben"));
        assertEquals("3", ben.aggr(lab.session, Map.of("s", "GROUP_CONCAT(DISTINCT subject_id)")).fetch1().get("s"));
        assertEquals("3;3;3", ben.aggr(lab.session, Map.of("s", "GROUP_CONCAT(subject_id SEPARATOR ';')"))
                .fetch1().get("s"));
        assertEquals("ben,ben,ben", lab.subject.restrict(Map.of("subject_id", 3))
                .aggr(lab.session, Map.of("e", "STRING_AGG(experimenter, ',')")).fetch1().get("e"));
    }

    @Test
    default void unionOfCompatibleExpressions(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression mice = lab.subject.restrict(Map.of("species", "mouse")).proj();
        QueryExpression rats = lab.subject.restrict(Map.of("species", "rat")).proj();
        assertEquals(List.of(1, 2, 3, 4), ids(mice.union(rats), "subject_id"), "disjoint restrictions add up");
        assertEquals(4, mice.union(lab.subject.proj()).count());
        assertThrows(DataJointException.class, () -> lab.subject.union(lab.subject.restrict("sex = 'F'")),
                "operands sharing secondary attributes");
        QueryExpression u = lab.subject.proj("species").restrict("subject_id < 3")
                .union(lab.subject.proj("sex").restrict("subject_id > 1"));
        assertEquals(List.of("subject_id", "species", "sex"), u.heading().names());
        List<Map<String, Object>> rows = u.toDicts();
        assertEquals(4, rows.size());
        assertEquals("mouse", row(rows, "subject_id", 1).get("species"));
        assertNull(row(rows, "subject_id", 1).get("sex"));
        assertEquals("M", row(rows, "subject_id", 2).get("sex"));
        assertNull(row(rows, "subject_id", 4).get("species"));
        assertEquals(List.of(2), ids(u.restrict("species IS NOT NULL AND sex IS NOT NULL"), "subject_id"));
        assertEquals(List.of(1, 2), ids(lab.subject.proj().restrict("subject_id = 1")
                .union(lab.subject.proj().restrict("subject_id = 2")), "subject_id"));
        DataJointException key = assertThrows(DataJointException.class, () -> lab.subject.union(lab.session));
        assertTrue(key.getMessage().contains("primary key"), key.getMessage());
        DataJointException shared = assertThrows(DataJointException.class,
                () -> lab.subject.proj("species").union(lab.subject.proj("species")));
        assertTrue(shared.getMessage().contains("species"), shared.getMessage());
        DataJointException lineage = assertThrows(DataJointException.class,
                () -> lab.student.proj().union(lab.course.proj()), "namesakes of different lineage");
        assertTrue(lineage.getMessage().contains("'id'"), lineage.getMessage());
        Table elsewhere = tck.instance().schema(lab.schema.name()).table("Subject");
        DataJointException instances = assertThrows(DataJointException.class, () -> lab.subject.proj().union(elsewhere.proj()));
        assertTrue(instances.getMessage().contains("different instances"), instances.getMessage());
        assertThrows(DataJointException.class, () -> lab.session.restrict(elsewhere));
        assertThrows(DataJointException.class, () -> lab.session.join(elsewhere));
    }

    @Test
    default void universalSetsEnumerateAndAggregate(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression species = DataJoint.U("species").restrict(lab.subject);
        assertEquals(List.of("species"), species.heading().primaryKey());
        assertEquals(List.of("species"), species.heading().names());
        assertEquals(2, species.count());
        assertEquals(1, DataJoint.U().restrict(lab.subject).count());
        assertEquals(0, DataJoint.U().restrict(lab.subject.restrict(false)).count());
        List<Map<String, Object>> bySpecies = DataJoint.U("species").aggr(lab.subject, Map.of("n", "count(*)")).toDicts();
        assertEquals(2L, row(bySpecies, "species", "mouse").get("n"));
        assertEquals(2L, row(bySpecies, "species", "rat").get("n"));
        Map<String, Object> totals = DataJoint.U().aggr(lab.trial, Map.of("n", "count(*)", "hits",
                "sum(outcome = 'hit')")).fetch1();
        assertEquals((long) Lab.totalTrials(), totals.get("n"));
        assertEquals(7L, totals.get("hits"));
        QueryExpression years = DataJoint.U("year").aggr(lab.session.proj(Proj.key().compute("year",
                "YEAR(session_date)")), Map.of("n", "count(*)"));
        assertEquals(List.of(Map.of("year", 2024L, "n", 6L)), years.toDicts());
        assertThrows(UnknownAttributeException.class, () -> DataJoint.U("nope").restrict(lab.subject));
        assertThrows(UnknownAttributeException.class, () -> DataJoint.U("nope").aggr(lab.subject, Map.of("n", "count(*)")));
        assertThrows(DataJointException.class, () -> DataJoint.U("species").antiRestrict(lab.subject));
        assertThrows(DataJointException.class, () -> DataJoint.U("species").join(lab.subject));
        assertThrows(IllegalArgumentException.class, () -> DataJoint.U("a", "a"));
    }

    @Test
    default void topOrdersLimitsAndOffsets(TckContext tck) {
        Lab lab = new Lab(tck);
        assertEquals(List.of(4, 3), idsInOrder(lab.subject.orderBy("subject_id DESC").limit(2), "subject_id"));
        assertEquals(List.of(3, 2), idsInOrder(lab.subject.orderBy("subject_id DESC").limit(2).offset(1), "subject_id"));
        assertEquals(List.of(1, 2), idsInOrder(lab.subject.limit(2), "subject_id"), "primary-key order by default");
        assertEquals(List.of(4, 3, 1, 2), idsInOrder(lab.subject.orderBy("date_of_birth"), "subject_id"),
                "nulls first ascending on every backend");
        assertEquals(List.of(2, 1, 3, 4), idsInOrder(lab.subject.orderBy("date_of_birth DESC"), "subject_id"),
                "nulls last descending");
        assertEquals(List.of(3, 4), idsInOrder(lab.subject.orderBy("species DESC", "KEY").limit(2), "subject_id"));
        assertEquals(List.of(2), ids(lab.subject.orderBy("subject_id").limit(2).restrict("subject_id > 1"), "subject_id"),
                "a restriction after a limit applies to the limited rows");
        assertEquals(List.of(2), idsInOrder(lab.subject.orderBy("subject_id DESC").limit(3).orderBy("subject_id").limit(1),
                "subject_id"), "a different order applies to the limited rows");
        assertEquals(3, lab.subject.limit(3).count());
        assertEquals(List.of(3), idsInOrder(lab.session.orderBy("session_date DESC").limit(1).proj(), "session_id"));
        assertThrows(UnknownAttributeException.class, () -> lab.subject.orderBy("nope"));
        assertThrows(IllegalArgumentException.class, () -> lab.subject.limit(-1));
    }
}
