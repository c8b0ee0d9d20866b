package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datajoint.Cond;
import org.datajoint.Match;
import org.datajoint.engine.internal.Dependencies.Edge;
import org.datajoint.engine.internal.Dependencies.Node;

/**
 * The foreign-key paths from a master down to one of its parts, as part integrity needs them:
 * the master rows that the part's restricted rows reach, and the part's restricted rows that
 * reach a master row which stays. A part row reaches a master row through every path of
 * foreign keys from the part up to the master, each followed by its own column mapping. The
 * paths are not listed one by one: each table between the two is visited once, in
 * topological order, so any number of paths is followed in full.
 */
final class PartPaths {

    private final DiagramImpl diagram;
    private final Dependencies graph;
    private final Node master;
    private final Node part;
    private final List<Node> between;

    private PartPaths(DiagramImpl diagram, Node master, Node part, List<Node> between) {
        this.diagram = diagram;
        this.graph = diagram.graph();
        this.master = master;
        this.part = part;
        this.between = between;
    }

    /** The paths from a part's master down to it; empty when the table is no part or reaches no master. */
    static Optional<PartPaths> of(DiagramImpl diagram, Node part) {
        Node master = DiagramImpl.masterOf(part);
        Dependencies g = diagram.graph();
        if (master == null || !g.contains(master)) {
            return Optional.empty();
        }
        Set<Node> up = new HashSet<>(g.ancestors(part));
        if (!up.contains(master)) {
            return Optional.empty();
        }
        Set<Node> down = new HashSet<>(g.descendants(master));
        List<Node> between = g.topological().stream()
                .filter(n -> n.equals(master) || (up.contains(n) && down.contains(n))).toList();
        return Optional.of(new PartPaths(diagram, master, part, between));
    }

    Node master() {
        return master;
    }

    /** The master's rows that the part's rows, as restricted in the diagram, reach through any path. */
    QueryImpl mastersReached() {
        Map<Node, QueryImpl> reached = new HashMap<>();
        reached.put(part, diagram.restrictedTable(part));
        for (int i = between.size() - 1; i >= 0; i--) {
            Node parent = between.get(i);
            List<Object> any = new ArrayList<>();
            for (Edge e : graph.childEdges(parent)) {
                QueryImpl rows = reached.get(e.child());
                if (rows != null) {
                    Map<String, String> parentToChild = new LinkedHashMap<>();
                    e.foreignKey().attributes().forEach((child, p) -> parentToChild.put(p, child));
                    any.add(DiagramImpl.exactColumns(rows, parentToChild));
                }
            }
            if (!any.isEmpty()) {
                reached.put(parent, diagram.table(parent).restricted(any, Match.NATURAL));
            }
        }
        return reached.get(master);
    }

    /**
     * The part's rows, as restricted in the diagram, that reach through some path a master row
     * the diagram does not delete: the rows a delete may not remove under
     * {@link org.datajoint.PartIntegrity#ENFORCE}.
     */
    QueryImpl orphans() {
        Map<Node, QueryImpl> staying = new HashMap<>();
        QueryImpl masters = diagram.table(master);
        if (diagram.isRestricted(master)) {
            Map<String, String> key = new LinkedHashMap<>();
            graph.primaryKey(master).forEach(k -> key.put(k, k));
            masters = masters.restricted(Cond.not(DiagramImpl.exactColumns(diagram.restrictedTable(master), key)),
                    Match.NATURAL);
        }
        staying.put(master, masters);
        List<Node> below = new ArrayList<>(between.subList(1, between.size()));
        below.add(part);
        for (Node child : below) {
            List<Object> any = new ArrayList<>();
            for (Edge e : graph.foreignKeys(child)) {
                QueryImpl rows = e.parent().equals(child) ? null : staying.get(e.parent());
                if (rows != null) {
                    any.add(DiagramImpl.exactColumns(rows, e.foreignKey().attributes()));
                }
            }
            if (!any.isEmpty()) {
                QueryImpl from = child.equals(part) ? diagram.restrictedTable(part) : diagram.table(child);
                staying.put(child, from.restricted(any, Match.NATURAL));
            }
        }
        return staying.get(part);
    }

    /**
     * Whether the part is restricted only through its single, unrenamed foreign key to a
     * restricted master and reaches the master by no other path, so that each of its rows goes
     * only with its own master row and no check is needed.
     */
    boolean safeByConstruction() {
        if (!diagram.isRestricted(master) || between.size() != 1) {
            return false;
        }
        List<Edge> direct = graph.foreignKeys(part).stream().filter(e -> e.parent().equals(master)).toList();
        return direct.size() == 1 && !direct.get(0).foreignKey().renamed()
                && diagram.reasons(part).equals(Set.of(direct.get(0)));
    }
}
