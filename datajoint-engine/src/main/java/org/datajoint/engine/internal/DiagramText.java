package org.datajoint.engine.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.Tier;
import org.datajoint.engine.internal.Dependencies.Edge;
import org.datajoint.engine.internal.Dependencies.Node;

/**
 * Mermaid and DOT renderings of a diagram with DataJoint's visual encoding: tiers by shape and
 * colour (manual green boxes, lookup grey text, computed red and imported blue ellipses, parts
 * plain text), primary foreign keys solid and secondary ones dashed, master-part links and
 * one-to-one foreign keys thick and one-to-many ones thin, renamed foreign keys orange, tables
 * grouped by schema.
 */
final class DiagramText {

    private record Style(String fill, String font, String dotShape, String mermaidOpen, String mermaidClose) {
    }

    private static final Map<Tier, Style> STYLES = Map.of(
            Tier.MANUAL, new Style("#00FF0030", "darkgreen", "box", "[\"", "\"]"),
            Tier.LOOKUP, new Style("#00000020", "black", "plaintext", "[\"", "\"]"),
            Tier.COMPUTED, new Style("#FF000030", "#7F0000A0", "ellipse", "([\"", "\"])"),
            Tier.IMPORTED, new Style("#00007F40", "#00007FA0", "ellipse", "([\"", "\"])"),
            Tier.PART, new Style("#FFFFFF00", "black", "plaintext", "[\"", "\"]"));

    private DiagramText() {
    }

    static String mermaid(DiagramImpl d) {
        StringBuilder out = new StringBuilder("flowchart ").append(direction(d)).append('\n');
        Map<String, List<Node>> bySchema = bySchema(d);
        for (Map.Entry<String, List<Node>> s : bySchema.entrySet()) {
            out.append("    subgraph ").append(id(s.getKey())).append("[\"").append(s.getKey()).append("\"]\n");
            for (Node n : s.getValue()) {
                Tier tier = Tier.ofTableName(n.table());
                Style st = STYLES.get(tier);
                out.append("        ").append(id(n)).append(st.mermaidOpen()).append(label(n)).append(st.mermaidClose())
                        .append(":::").append(tier.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            out.append("    end\n");
        }
        int index = 0;
        StringBuilder styles = new StringBuilder();
        for (Edge e : edges(d)) {
            String arrow = e.foreignKey().primary() ? (thick(d, e) ? " ==> " : " --> ") : " -.-> ";
            out.append("    ").append(id(e.parent())).append(arrow).append(id(e.child())).append('\n');
            styles.append("    linkStyle ").append(index).append(" stroke-width:").append(thick(d, e) ? "2px" : "1px");
            if (e.foreignKey().renamed()) {
                styles.append(",stroke:orange");
            }
            styles.append('\n');
            index++;
        }
        out.append(styles);
        for (Tier t : Tier.values()) {
            Style st = STYLES.get(t);
            out.append("    classDef ").append(t.name().toLowerCase(java.util.Locale.ROOT)).append(" fill:")
                    .append(st.fill()).append(",color:").append(st.font())
                    .append(st.dotShape().equals("plaintext") ? ",stroke-width:0px" : ",stroke:" + st.font()).append('\n');
        }
        return out.toString();
    }

    static String dot(DiagramImpl d) {
        StringBuilder out = new StringBuilder("digraph pipeline {\n    rankdir=").append(direction(d)).append(";\n")
                .append("    node [fontname=\"Helvetica\", fontsize=10];\n");
        int cluster = 0;
        for (Map.Entry<String, List<Node>> s : bySchema(d).entrySet()) {
            out.append("    subgraph cluster_").append(cluster++).append(" {\n        label=").append(quote(s.getKey()))
                    .append(";\n        style=dashed; color=grey;\n");
            for (Node n : s.getValue()) {
                Tier tier = Tier.ofTableName(n.table());
                Style st = STYLES.get(tier);
                String name = introducesKey(d, n) ? "<<u>" + label(n) + "</u>>" : quote(label(n));
                out.append("        ").append(quote(id(n))).append(" [label=").append(name).append(", shape=")
                        .append(st.dotShape()).append(", style=filled, fillcolor=").append(quote(st.fill()))
                        .append(", fontcolor=").append(quote(st.font()))
                        .append(tier == Tier.PART ? ", fontsize=8" : "").append("];\n");
            }
            out.append("    }\n");
        }
        for (Edge e : edges(d)) {
            out.append("    ").append(quote(id(e.parent()))).append(" -> ").append(quote(id(e.child()))).append(" [style=")
                    .append(e.foreignKey().primary() ? "solid" : "dashed").append(", penwidth=")
                    .append(thick(d, e) ? "2" : "0.75")
                    .append(", arrowhead=none");
            if (e.foreignKey().renamed()) {
                out.append(", color=orange, tooltip=").append(quote(e.foreignKey().attributes().toString()));
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String direction(DiagramImpl d) {
        return d.instance().config().getString("display.diagram_direction");
    }

    private static Map<String, List<Node>> bySchema(DiagramImpl d) {
        Map<String, List<Node>> out = new LinkedHashMap<>();
        for (Node n : d.order()) {
            out.computeIfAbsent(n.schema(), k -> new java.util.ArrayList<>()).add(n);
        }
        return out;
    }

    private static List<Edge> edges(DiagramImpl d) {
        Set<Node> shown = new LinkedHashSet<>(d.order());
        return d.graph().edges().stream().filter(e -> shown.contains(e.child()) && shown.contains(e.parent()))
                .sorted(java.util.Comparator.comparing(Edge::parent).thenComparing(Edge::child)
                        .thenComparing(Edge::constraint)).toList();
    }

    /**
     * Thick: a master-part link, or a one-to-one foreign key (its attributes are the child's
     * whole primary key); thin: a one-to-many foreign key.
     */
    private static boolean thick(DiagramImpl d, Edge e) {
        return isMasterPart(e) || new java.util.HashSet<>(e.foreignKey().attributes().keySet())
                .equals(new java.util.HashSet<>(d.graph().primaryKey(e.child())));
    }

    private static boolean isMasterPart(Edge e) {
        Node master = DiagramImpl.masterOf(e.child());
        return master != null && master.equals(e.parent());
    }

    /** Whether a table's primary key has attributes of its own, not inherited through foreign keys. */
    private static boolean introducesKey(DiagramImpl d, Node n) {
        Set<String> inherited = new LinkedHashSet<>();
        d.graph().foreignKeys(n).forEach(e -> inherited.addAll(e.foreignKey().attributes().keySet()));
        return !inherited.containsAll(d.graph().primaryKey(n));
    }

    private static String label(Node n) {
        return TableNaming.className(n.table());
    }

    private static String id(Node n) {
        return id(n.schema() + "__" + n.table());
    }

    private static String id(String text) {
        return "n_" + text.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
