package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJointException;
import org.datajoint.Diagram;
import org.datajoint.DropOptions;
import org.datajoint.PartIntegrity;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** Dropping tables with their descendants and parts, and drawing diagrams with DataJoint's visual encoding. */
public interface DropAndDrawTck extends TckTarget {

    /** Probe; Scan with part Scan.Field, which also references Probe. */
    private static Table[] scans(TckContext tck, Schema s) {
        Table probe = s.manual("Probe", "probe : int32\n");
        Table scan = s.manual("Scan", "scan : int32\n");
        Table field = scan.part("Field", "-> master\n-> Probe\nfield : int32\n");
        probe.insert1(Map.of("probe", 1));
        scan.insert1(Map.of("scan", 1));
        field.insert1(Map.of("scan", 1, "probe", 1, "field", 1));
        return new Table[] {probe, scan, field};
    }

    @Test
    default void aDescendantPartIsNotDroppedWithoutItsMasterNorIsARestrictedTable(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("dropparts"));
        Table[] t = scans(tck, s);
        Table probe = t[0];
        Table scan = t[1];
        Table field = t[2];
        DataJointException e = assertThrows(DataJointException.class, () -> probe.drop(DropOptions.noPrompt()));
        assertTrue(e.getMessage().contains(field.fullTableName()) && e.getMessage().contains(scan.fullTableName())
                && e.getMessage().contains("IGNORE"), e.getMessage());
        assertTrue(probe.isDeclared() && field.isDeclared(), "nothing was dropped");
        DataJointException restricted = assertThrows(DataJointException.class,
                () -> scan.restrict(Map.of("scan", 1)).drop(DropOptions.noPrompt()));
        assertTrue(restricted.getMessage().contains("restricted table cannot be dropped")
                && restricted.getMessage().contains("delete"), restricted.getMessage());
        assertTrue(scan.isDeclared());
        assertEquals(1, field.count());
        probe.drop(DropOptions.noPrompt().withPartIntegrity(PartIntegrity.IGNORE));
        assertFalse(probe.isDeclared());
        assertFalse(field.isDeclared(), "IGNORE drops the part without its master");
        assertTrue(scan.isDeclared());
    }

    @Test
    default void droppingAMasterDropsItsPartsAfterConfirmationAndDecliningKeepsEverything(TckContext tck) {
        org.datajoint.Instance instance = tck.instance();
        Schema s = instance.schema(tck.schemaName("dropmaster"));
        Table[] t = scans(tck, s);
        Table scan = t[1];
        Table field = t[2];
        List<String> asked = new ArrayList<>();
        instance.config().confirmer(q -> {
            asked.add(q);
            return false;
        });
        scan.drop(new DropOptions(true, PartIntegrity.ENFORCE));
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains(scan.fullTableName()) && asked.get(0).contains(field.fullTableName() + " (1 rows)"),
                asked.get(0));
        assertTrue(scan.isDeclared() && field.isDeclared(), "declined: nothing was dropped");
        assertEquals(1, field.count());
        instance.config().confirmer(q -> true);
        scan.drop(new DropOptions(true, PartIntegrity.ENFORCE));
        assertFalse(scan.isDeclared());
        assertFalse(field.isDeclared(), "the master's parts went with it");
        assertTrue(t[0].isDeclared());
    }

    private static String id(Table t) {
        return "\"n_" + (t.schemaName() + "__" + t.tableName()).replaceAll("[^A-Za-z0-9_]", "_") + "\"";
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.strip().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + text));
    }

    private static String edge(String dot, Table parent, Table child) {
        return line(dot, id(parent) + " -> " + id(child));
    }

    @Test
    default void dotAndMermaidFollowTheVisualEncoding(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("draw"));
        Table species = s.lookup("Species", "species : varchar(16)\n", List.of());
        Table subject = s.manual("Subject", "subject_id : int32\n---\n-> Species\n");
        Table session = s.manual("Session", "-> Subject\nsession : int32\n");
        Table scan = s.imported("Scan", "-> Session\n---\nframes : int32\n");
        Table summary = s.computed("Summary", "-> Scan\n---\nn : int32\n");
        Table field = session.part("Field", "-> master\nfield : int32\n");
        String dot = Diagram.of(s).toDot();
        String secondary = edge(dot, species, subject);
        assertTrue(secondary.contains("style=dashed") && secondary.contains("penwidth=0.75"), secondary);
        String oneToMany = edge(dot, subject, session);
        assertTrue(oneToMany.contains("style=solid") && oneToMany.contains("penwidth=0.75"), oneToMany);
        String oneToOne = edge(dot, scan, summary);
        assertTrue(oneToOne.contains("style=solid") && oneToOne.contains("penwidth=2"), oneToOne);
        String masterPart = edge(dot, session, field);
        assertTrue(masterPart.contains("style=solid") && masterPart.contains("penwidth=2"), masterPart);
        assertTrue(line(dot, id(species) + " [").contains("shape=plaintext"), dot);
        assertTrue(line(dot, id(subject) + " [").contains("shape=box"), dot);
        assertTrue(line(dot, id(scan) + " [").contains("shape=ellipse")
                && line(dot, id(scan) + " [").contains("#00007F40"), dot);
        assertTrue(line(dot, id(summary) + " [").contains("shape=ellipse")
                && line(dot, id(summary) + " [").contains("#FF000030"), dot);
        assertTrue(line(dot, id(field) + " [").contains("shape=plaintext")
                && line(dot, id(field) + " [").contains("fontsize=8"), dot);
        String mermaid = Diagram.of(s).toMermaid();
        String m = mermaid.replace("\"", "");
        assertTrue(m.contains(id(species).replace("\"", "") + " -.-> " + id(subject).replace("\"", "")), mermaid);
        assertTrue(m.contains(id(scan).replace("\"", "") + " ==> " + id(summary).replace("\"", "")), mermaid);
        assertTrue(m.contains(id(subject).replace("\"", "") + " --> " + id(session).replace("\"", "")), mermaid);
        assertTrue(mermaid.contains("stroke-width:1px") && mermaid.contains("stroke-width:2px"), mermaid);
        assertTrue(mermaid.contains(":::lookup") && mermaid.contains(":::imported") && mermaid.contains(":::part"),
                mermaid);
    }

    @Test
    default void aDiagramOfTwoSchemasShowsBothGroupedAndTheEdgeBetweenThem(TckContext tck) {
        org.datajoint.Instance instance = tck.instance();
        Schema a = instance.schema(tck.schemaName("one"));
        Schema b = instance.schema(tck.schemaName("two"));
        Table subject = a.manual("Subject", "subject_id : int32\n");
        Table treatment = b.manual("Treatment", "-> " + a.name() + ".Subject\ndose : int32\n");
        Table unrelated = b.manual("Note", "note : int32\n");
        Diagram d = Diagram.of(a, b);
        assertEquals(List.of(unrelated.fullTableName(), subject.fullTableName(), treatment.fullTableName()).stream()
                .sorted().toList(), d.tables().stream().sorted().toList());
        assertTrue(d.tables().indexOf(subject.fullTableName()) < d.tables().indexOf(treatment.fullTableName()),
                "parents first");
        String dot = d.toDot();
        assertTrue(dot.contains("cluster_0") && dot.contains("cluster_1") && dot.contains("label=\"" + a.name() + "\"")
                && dot.contains("label=\"" + b.name() + "\""), dot);
        assertTrue(edge(dot, subject, treatment).contains("style=solid"), dot);
        String mermaid = d.toMermaid();
        assertEquals(2, mermaid.lines().filter(l -> l.strip().startsWith("subgraph")).count(), mermaid);
    }
}
