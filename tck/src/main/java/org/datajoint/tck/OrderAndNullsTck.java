package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJoint;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * Orderings and offsets that survive every wrapping a backend may put around them, and
 * anti-restrictions that are the exact complement of restrictions when shared attributes are null.
 */
public interface OrderAndNullsTck extends TckTarget {

    @Test
    default void anOffsetWithoutALimitSkipsRowsWhereverTheQueryGoes(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression lastTwo = lab.subject.offset(2);
        assertEquals(List.of(3, 4), ids(lastTwo.toDicts(), "subject_id"));
        assertEquals(2, lastTwo.count());
        assertFalse(lab.subject.offset(10).exists());
        assertTrue(lab.subject.offset(3).exists());
        assertEquals(3, lab.session.restrict(lastTwo.proj()).count(), "sessions of subjects 3 and 4");
        assertEquals(0, lab.subject.offset(3).join(lab.session).count(), "subject 4 has no session");
        assertEquals(List.of(2, 1), ids(lab.subject.orderBy("subject_id DESC").offset(2).toDicts(), "subject_id"));
        assertEquals(List.of(Map.of("species", "rat")), DataJoint.U("species").restrict(lastTwo).toDicts());
    }

    @Test
    default void fetchesOfSomeAttributesKeepTheOrdering(TckContext tck) {
        Lab lab = new Lab(tck);
        QueryExpression byBirth = lab.subject.orderBy("date_of_birth DESC");
        assertEquals(List.of(2, 1, 3, 4), ids(byBirth.toDicts(), "subject_id"));
        assertEquals(List.of(2, 1, 3, 4), ids(byBirth.keys(), "subject_id"));
        assertEquals(List.of(2, 1, 3, 4), byBirth.toColumns("subject_id").get("subject_id"));
        assertEquals(List.of(2, 1, 3, 4), byBirth.column("subject_id", Integer.class));
        QueryExpression bySpecies = lab.subject.orderBy("species DESC", "subject_id DESC");
        assertEquals(List.of(4, 3, 2, 1), bySpecies.toColumns("subject_id").get("subject_id"));
        assertEquals(List.of("U", "F", "M", "F"), bySpecies.toColumns("sex").get("sex"));
    }

    @Test
    default void antiRestrictionIsTheComplementEvenWhereSharedAttributesAreNull(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("nulls"));
        Table tag = s.lookup("Tag", "tag : varchar(8)\n", List.of(Map.of("tag", "x"), Map.of("tag", "y")));
        Table item = s.manual("Item", "item_id : int32\n---\n-> [nullable] Tag\n");
        item.insert1(Map.of("item_id", 1, "tag", "x"));
        item.insert1(Map.of("item_id", 2, "tag", "y"));
        for (int id = 3; id <= 4; id++) {
            Map<String, Object> untagged = new HashMap<>();
            untagged.put("item_id", id);
            untagged.put("tag", null);
            item.insert1(untagged);
        }
        QueryExpression x = tag.restrict(Map.of("tag", "x"));
        assertEquals(List.of(1), ids(item.restrict(x).toDicts(), "item_id"));
        assertEquals(List.of(2, 3, 4), ids(item.antiRestrict(x).orderBy("item_id").toDicts(), "item_id"),
                "untagged items do not match a tag, so they are in the anti-restriction");
        assertEquals(item.count(), item.restrict(tag).count() + item.antiRestrict(tag).count());
        assertEquals(List.of(3, 4), ids(item.antiRestrict(tag).orderBy("item_id").toDicts(), "item_id"));
    }

    private static List<Object> ids(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
