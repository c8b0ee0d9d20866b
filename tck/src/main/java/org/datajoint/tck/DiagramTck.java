package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.datajoint.DataJointException;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.FreeTable;
import org.datajoint.InsertOptions;
import org.datajoint.Instance;
import org.datajoint.IntegrityException;
import org.datajoint.PartIntegrity;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** Graph-driven diagram operations: cascade, restrict, preview, prune, iteration, delete (DataJoint 2.2). */
public interface DiagramTck extends TckTarget {

    /** The pipeline of DataJoint 2.2's announcement: Subject, Session, Trial, ProcessedData. */
    final class Pipeline {
        final Instance instance;
        final Schema schema;
        final Table subject;
        final Table session;
        final Table trial;
        final Table processed;

        Pipeline(TckContext tck) {
            instance = tck.instance();
            schema = instance.schema(tck.schemaName("lab"));
            subject = schema.manual("Subject", "subject_id : varchar(16)\n---\nspecies : varchar(16)\n");
            session = schema.manual("Session", "-> Subject\nsession_idx : int32\n");
            trial = schema.manual("Trial", "-> Session\ntrial_idx : int32\n");
            processed = schema.computed("ProcessedData", "-> Trial\n---\nresult : float64\n");
            for (String s : List.of("M001", "M002")) {
                subject.insert1(Map.of("subject_id", s, "species", "mouse"));
                int sessions = s.equals("M001") ? 3 : 2;
                List<Map<String, Object>> trials = new ArrayList<>();
                for (int i = 1; i <= sessions; i++) {
                    session.insert1(Map.of("subject_id", s, "session_idx", i));
                    for (int t = 1; t <= 15; t++) {
                        trials.add(Map.of("subject_id", s, "session_idx", i, "trial_idx", t));
                    }
                }
                trial.insert(trials);
                processed.insert(trials.stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>(r);
                    m.put("result", 0.5);
                    return m;
                }).toList(), InsertOptions.defaults().withAllowDirectInsert());
            }
        }
    }

    @Test
    default void cascadePreviewsThenDeletesTheAnnouncementsExample(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        Diagram c = Diagram.of(p.schema).cascade(p.session.restrict(Map.of("subject_id", "M001")));
        Map<String, Long> counts = c.preview();
        assertEquals(List.of(p.session.fullTableName(), p.trial.fullTableName(), p.processed.fullTableName()),
                List.copyOf(counts.keySet()), "the seed and its descendants, parents first");
        assertEquals(List.of(3L, 45L, 45L), List.copyOf(counts.values()));
        assertEquals(List.copyOf(counts.keySet()), c.tables());
        long before = p.instance.connection().statementCount();
        c.preview();
        assertEquals(1, p.instance.connection().statementCount() - before, "all counts in one statement");
        assertEquals(3, c.delete(DeleteOptions.noPrompt()));
        assertEquals(2, p.session.count());
        assertEquals(30, p.trial.count());
        assertEquals(30, p.processed.count());
        assertEquals(2, p.subject.count(), "parents are untouched");
        assertEquals(0, p.trial.restrict(Map.of("subject_id", "M001")).count());
    }

    @Test
    default void cascadeIsOneShotAndRestrictNeedsATableOfTheDiagram(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        Diagram c = Diagram.of(p.schema).cascade(p.session);
        assertThrows(DataJointException.class, () -> c.cascade(p.trial));
        assertThrows(DataJointException.class, () -> c.restrict(p.trial));
        assertThrows(DataJointException.class, c::prune);
        assertThrows(DataJointException.class, () -> Diagram.of(p.trial).restrict(p.subject));
        assertThrows(DataJointException.class, () -> Diagram.of(p.schema).delete(DeleteOptions.noPrompt()));
        assertThrows(DataJointException.class, () -> Diagram.of(p.schema).cascade(p.session.join(p.trial)));
        assertThrows(IllegalArgumentException.class, () -> Diagram.of());
        assertEquals(4, Diagram.of(p.schema).tables().size());
        assertEquals(List.of(p.session.fullTableName(), p.trial.fullTableName()),
                Diagram.of(p.session).plus(1).tables());
        assertEquals(List.of(p.subject.fullTableName(), p.session.fullTableName()),
                Diagram.of(p.session).minus(1).tables());
        assertEquals(List.of(p.trial.fullTableName()),
                Diagram.of(p.schema).intersect(Diagram.of(p.trial)).tables());
        assertEquals(3, Diagram.of(p.schema).difference(Diagram.of(p.trial)).tables().size());
        assertEquals(2, Diagram.of(p.subject).union(Diagram.of(p.trial)).tables().size());
    }

    /** Root → A → C and Root → B → C, C reaching B's root through a renamed key. */
    private static Table[] diamond(TckContext tck, Schema s) {
        Table root = s.manual("Root", "r : int32\n");
        Table a = s.manual("A", "-> Root\na : int32\n");
        Table b = s.manual("B", "-> Root\nb : int32\n");
        Table c = s.manual("C", "-> A\n-> B.proj(r_b='r')\n");
        root.insert(List.of(Map.of("r", 1), Map.of("r", 2)));
        a.insert(List.of(Map.of("r", 1, "a", 1), Map.of("r", 2, "a", 1)));
        b.insert(List.of(Map.of("r", 1, "b", 1), Map.of("r", 2, "b", 1)));
        for (int r : List.of(1, 2)) {
            for (int rb : List.of(1, 2)) {
                c.insert1(Map.of("r", r, "a", 1, "r_b", rb, "b", 1));
            }
        }
        return new Table[] {root, a, b, c};
    }

    @Test
    default void convergenceIsOrInCascadeAndAndInRestrict(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("diamond"));
        Table[] t = diamond(tck, s);
        Table root = t[0];
        Table c = t[3];
        Diagram cascade = Diagram.of(s).cascade(root.restrict(Map.of("r", 1)));
        assertEquals(3L, cascade.preview().get(c.fullTableName()), "OR: reached through A or through B");
        Diagram restricted = Diagram.of(s).restrict(root.restrict(Map.of("r", 1)));
        assertEquals(1L, restricted.preview().get(c.fullTableName()), "AND: reached through A and through B");
        Diagram chained = Diagram.of(s).restrict(t[1].restrict(Map.of("r", 2))).restrict(t[2].restrict(Map.of("r", 1)));
        FreeTable onlyC = null;
        for (FreeTable f : chained) {
            if (f.fullTableName().equals(c.fullTableName())) {
                onlyC = f;
            }
        }
        assertEquals(List.of(Map.of("r", 2, "a", 1, "r_b", 1, "b", 1)), onlyC.keys(), "chained restrictions AND");
    }

    @Test
    default void severalForeignKeysToOneParentAlwaysCombineWithOr(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("mice"));
        Table mouse = s.manual("Mouse", "mouse_id : int32\n");
        Table pairing = s.manual("Pairing", "-> Mouse.proj(source_mouse='mouse_id')\n-> Mouse.proj(target_mouse='mouse_id')\n");
        mouse.insert(List.of(Map.of("mouse_id", 1), Map.of("mouse_id", 2), Map.of("mouse_id", 3)));
        pairing.insert(List.of(Map.of("source_mouse", 1, "target_mouse", 2), Map.of("source_mouse", 2, "target_mouse", 1),
                Map.of("source_mouse", 2, "target_mouse", 3)));
        assertEquals(2L, Diagram.of(s).cascade(mouse.restrict(Map.of("mouse_id", 1))).preview()
                .get(pairing.fullTableName()));
        assertEquals(2L, Diagram.of(s).restrict(mouse.restrict(Map.of("mouse_id", 1))).preview()
                .get(pairing.fullTableName()), "also OR in restrict mode");
        assertEquals(1, mouse.restrict(Map.of("mouse_id", 1)).delete(DeleteOptions.noPrompt()));
        assertEquals(1, pairing.count());
        assertTrue(Diagram.of(s).toMermaid().contains("stroke:orange"));
    }

    @Test
    default void partOfPartWithARenamedKeyCascadesUpToTheMaster(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("imaging"));
        Table subject = s.manual("Subject", "subject_id : int32\n");
        Table session = subject.part("Session", "-> master\nsession_id : int32\n");
        Table recording = subject.part("Recording",
                "-> Subject.Session.proj(src_subject='subject_id', src_session='session_id')\nrecording_id : int32\n");
        subject.insert(List.of(Map.of("subject_id", 1), Map.of("subject_id", 2)));
        session.insert(List.of(Map.of("subject_id", 1, "session_id", 1), Map.of("subject_id", 1, "session_id", 2),
                Map.of("subject_id", 2, "session_id", 1)));
        recording.insert(List.of(Map.of("src_subject", 1, "src_session", 1, "recording_id", 5),
                Map.of("src_subject", 1, "src_session", 2, "recording_id", 6),
                Map.of("src_subject", 2, "src_session", 1, "recording_id", 7)));
        Table five = recording.restrict(Map.of("recording_id", 5));
        DataJointException enforce = assertThrows(DataJointException.class, () -> five.delete(DeleteOptions.noPrompt()));
        assertTrue(enforce.getMessage().contains(recording.fullTableName()), enforce.getMessage());
        assertEquals(3, recording.count(), "nothing was deleted");
        Map<String, Long> preview = Diagram.of(s).cascade(five, PartIntegrity.CASCADE).preview();
        assertEquals(1L, preview.get(subject.fullTableName()));
        assertEquals(2L, preview.get(session.fullTableName()));
        assertEquals(2L, preview.get(recording.fullTableName()));
        assertEquals(2, five.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.CASCADE)),
                "recording 6 went with its master too");
        assertEquals(List.of(2), ids(subject, "subject_id"));
        assertEquals(1, session.count());
        assertEquals(List.of(7), ids(recording, "recording_id"));
        assertEquals(1, recording.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.IGNORE)));
        assertEquals(0, recording.count());
        assertEquals(1, subject.count(), "IGNORE leaves the master");
    }

    @Test
    default void partOfPartWithoutAMasterReferenceCascadesThroughTheMiddlePart(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("mpp"));
        Table master = s.manual("Master", "master_id : int32\n");
        Table partA = master.part("PartA", "-> master\npart_a_id : int32\n");
        Table partB = master.part("PartB", "-> Master.PartA\npart_b_id : int32\n");
        master.insert(List.of(Map.of("master_id", 1), Map.of("master_id", 2)));
        partA.insert(List.of(Map.of("master_id", 1, "part_a_id", 1), Map.of("master_id", 1, "part_a_id", 2),
                Map.of("master_id", 2, "part_a_id", 1)));
        partB.insert(List.of(Map.of("master_id", 1, "part_a_id", 1, "part_b_id", 1),
                Map.of("master_id", 1, "part_a_id", 2, "part_b_id", 1),
                Map.of("master_id", 2, "part_a_id", 1, "part_b_id", 1)));
        Table seed = partB.restrict(Map.of("master_id", 1, "part_a_id", 1));
        assertEquals(2, seed.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.CASCADE)),
                "the seed's siblings under master 1 went too");
        assertEquals(List.of(2), ids(master, "master_id"));
        assertEquals(1, partA.count());
        assertEquals(1, partB.count());
    }

    @Test
    default void partIntegrityIsCheckedRowByRow(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("rows"));
        Table root = s.manual("Root", "k : int32\n");
        Table m = s.manual("M", "-> Root\nm : int32\n");
        Table x = s.manual("X", "-> Root\nx : int32\n");
        Table p = m.part("P", "-> master\n-> X.proj(xk='k')\n");
        root.insert(List.of(Map.of("k", 1), Map.of("k", 2)));
        m.insert(List.of(Map.of("k", 1, "m", 1), Map.of("k", 2, "m", 1)));
        x.insert(List.of(Map.of("k", 1, "x", 1), Map.of("k", 2, "x", 1)));
        p.insert(List.of(Map.of("k", 1, "m", 1, "xk", 1, "x", 1), Map.of("k", 2, "m", 1, "xk", 1, "x", 1)));
        Table one = root.restrict(Map.of("k", 1));
        DataJointException e = assertThrows(DataJointException.class, () -> one.delete(DeleteOptions.noPrompt()));
        assertTrue(e.getMessage().contains("1 rows of part table " + p.fullTableName()), e.getMessage());
        assertEquals(2, root.count());
        assertEquals(2, p.count(), "a part row of master k=2 would go without its master: nothing was deleted");
        Diagram cascade = Diagram.of(s).cascade(one, PartIntegrity.CASCADE);
        assertEquals(2L, cascade.preview().get(m.fullTableName()), "CASCADE takes the other master too");
        assertEquals(1, one.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.IGNORE)));
        assertEquals(List.of(2), ids(m, "k"), "IGNORE keeps master k=2, now without its part row");
        assertEquals(0, p.count());
    }

    @Test
    default void pruneIterationAndRendering(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        Table empty = p.schema.manual("Note", "-> Session\n---\ntext : varchar(64)\n");
        Diagram all = Diagram.of(p.schema);
        assertFalse(all.prune().tables().contains(empty.fullTableName()), "plain prune drops empty tables");
        Diagram restricted = all.restrict(p.subject.restrict(Map.of("subject_id", "M002")));
        Diagram pruned = restricted.prune();
        assertFalse(pruned.tables().contains(empty.fullTableName()));
        List<String> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (FreeTable t : pruned) {
            names.add(t.fullTableName());
            counts.add(t.count());
        }
        assertEquals(List.of(p.subject.fullTableName(), p.session.fullTableName(), p.trial.fullTableName(),
                p.processed.fullTableName()), names, "parents first");
        assertEquals(List.of(1L, 2L, 30L, 30L), counts, "each table carries its restriction");
        List<String> reversed = pruned.reversed().stream().map(FreeTable::fullTableName).toList();
        List<String> leavesFirst = new ArrayList<>(names);
        java.util.Collections.reverse(leavesFirst);
        assertEquals(leavesFirst, reversed, "leaves first");
        String mermaid = all.toMermaid();
        assertTrue(mermaid.startsWith("flowchart "), mermaid);
        assertTrue(mermaid.contains("subgraph") && mermaid.contains(":::manual") && mermaid.contains(":::computed")
                && mermaid.contains("-->"), mermaid);
        String dot = all.toDot();
        assertTrue(dot.startsWith("digraph") && dot.contains("cluster_0") && dot.contains("shape=ellipse")
                && dot.contains("style=dashed") && dot.contains("ProcessedData"), dot);
    }

    @Test
    default void confirmationSeesTheCountsTheCommitRemovesAndNoKeepsEverything(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        AtomicReference<String> asked = new AtomicReference<>();
        p.instance.config().confirmer(q -> {
            asked.set(q);
            return false;
        });
        Table m1 = p.subject.restrict(Map.of("subject_id", "M001"));
        assertEquals(0, m1.delete(DeleteOptions.prompt()));
        assertTrue(asked.get().contains(p.trial.fullTableName() + ": 45 rows"), asked.get());
        assertEquals(2, p.subject.count());
        assertEquals(75, p.trial.count(), "declined: every row is still there");
        p.instance.config().confirmer(q -> {
            asked.set(q);
            return true;
        });
        assertEquals(1, m1.delete(DeleteOptions.prompt()));
        assertTrue(asked.get().contains(p.processed.fullTableName() + ": 45 rows")
                && asked.get().contains(p.session.fullTableName() + ": 3 rows"), asked.get());
        assertEquals(30, p.trial.count());
        assertEquals(30, p.processed.count());
    }

    @Test
    default void descendantsInOtherSchemasAreDeletedAndDroppedFirst(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        String otherName = tck.schemaName("other");
        Schema other = p.instance.schema(otherName);
        Table treatment = other.manual("Treatment", "-> " + p.schema.name() + ".Session\n---\ndrug : varchar(16)\n");
        treatment.insert1(Map.of("subject_id", "M001", "session_idx", 1, "drug", "x"));
        try (Instance fresh = tck.builder().build()) {
            Table subject = fresh.schema(p.schema.name()).table("Subject");
            Map<String, Long> preview = Diagram.of(subject).cascade(subject.restrict(Map.of("subject_id", "M001")))
                    .preview();
            assertEquals(1L, preview.get(treatment.fullTableName()), "found in a schema this instance never opened");
            assertEquals(1, subject.restrict(Map.of("subject_id", "M001")).delete(DeleteOptions.noPrompt()));
        }
        assertEquals(0, treatment.count());
        p.session.drop(org.datajoint.DropOptions.noPrompt());
        assertFalse(treatment.isDeclared(), "the dependent in the other schema went first");
        assertFalse(p.trial.isDeclared());
        assertTrue(p.subject.isDeclared());
        other.manual("Again", "-> " + p.schema.name() + ".Subject\n");
        assertTrue(p.schema.drop(org.datajoint.DropOptions.noPrompt()));
        assertEquals(List.of(), other.listTables().stream().filter(t -> !t.startsWith("~")).toList(),
                "dropping a schema drops the tables of other schemas that depend on it");
    }

    @Test
    default void partsAreNotDroppedAlone(TckContext tck) {
        Lab lab = new Lab(tck);
        DataJointException e = assertThrows(DataJointException.class,
                () -> lab.trial.drop(org.datajoint.DropOptions.noPrompt()));
        assertTrue(e.getMessage().contains(lab.session.fullTableName()), e.getMessage());
        assertThrows(DataJointException.class, () -> lab.trial.drop(org.datajoint.DropOptions.noPrompt()
                .withPartIntegrity(PartIntegrity.CASCADE)));
        lab.trial.drop(org.datajoint.DropOptions.noPrompt().withPartIntegrity(PartIntegrity.IGNORE));
        assertFalse(lab.trial.isDeclared());
        assertTrue(lab.session.isDeclared());
    }

    @Test
    default void aRowAddedOutsideThePlanFailsTheDeleteCleanly(TckContext tck) {
        Pipeline p = new Pipeline(tck);
        Diagram planned = Diagram.of(p.schema).cascade(p.subject.restrict(Map.of("subject_id", "M001")));
        String lateName;
        try (Instance other = tck.builder().build()) {
            Table late = other.schema(p.schema.name()).manual("Late", "-> Subject\nnote_id : int32\n");
            late.insert1(Map.of("subject_id", "M001", "note_id", 1));
            lateName = late.fullTableName();
        }
        IntegrityException e = assertThrows(IntegrityException.class, () -> planned.delete(DeleteOptions.noPrompt()));
        assertTrue(e.getMessage().contains(p.subject.fullTableName()), e.getMessage());
        assertTrue(e.getMessage().contains("rows of " + lateName), "names the referencing table: " + e.getMessage());
        assertEquals(2, p.subject.count());
        assertEquals(75, p.trial.count(), "rolled back: nothing is half-deleted");
        assertEquals(75, p.processed.count());
    }
}
