package org.datajoint.engine.internal;

import com.google.common.graph.ImmutableNetwork;
import com.google.common.graph.MutableNetwork;
import com.google.common.graph.NetworkBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import org.datajoint.ForeignKey;
import org.datajoint.engine.spi.CatalogForeignKey;
import org.datajoint.engine.spi.CatalogTable;

/**
 * The foreign-key graph of the loaded schemas: a Guava network whose parallel edges are several
 * foreign keys from one child to one parent, each carrying its attribute map and flags.
 */
final class Dependencies {

    /** A table in the graph. */
    record Node(String schema, String table) implements Comparable<Node> {
        @Override
        public int compareTo(Node o) {
            return Comparator.comparing(Node::schema).thenComparing(Node::table).compare(this, o);
        }
    }

    /** One foreign key: an edge from child to parent. */
    record Edge(String constraint, Node child, Node parent, ForeignKey foreignKey) {
    }

    private final ImmutableNetwork<Node, Edge> network;
    private final Map<Node, List<String>> primaryKeys;
    /** {@link #topological()}, computed once: the graph never changes. */
    private volatile List<Node> topological;

    private Dependencies(ImmutableNetwork<Node, Edge> network, Map<Node, List<String>> primaryKeys) {
        this.network = network;
        this.primaryKeys = primaryKeys;
    }

    /**
     * Builds the graph of these tables; parents outside them become nodes too.
     *
     * @param fullName renders a quoted full table name from schema and table
     */
    static Dependencies of(List<CatalogTable> tables, BinaryOperator<String> fullName) {
        MutableNetwork<Node, Edge> net = NetworkBuilder.directed().allowsParallelEdges(true).allowsSelfLoops(true)
                .build();
        Map<Node, List<String>> keys = new HashMap<>();
        for (CatalogTable t : tables) {
            if (!t.name().startsWith("~")) {
                net.addNode(new Node(t.schema(), t.name()));
                keys.put(new Node(t.schema(), t.name()), List.copyOf(t.primaryKey()));
            }
        }
        for (CatalogTable t : tables) {
            Node child = new Node(t.schema(), t.name());
            for (CatalogForeignKey fk : t.foreignKeys()) {
                Node parent = new Node(fk.parentSchema(), fk.parentTable());
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    map.put(fk.columns().get(i), fk.parentColumns().get(i));
                }
                boolean primary = t.primaryKey().containsAll(fk.columns());
                boolean nullable = t.columns().stream().anyMatch(c -> fk.columns().contains(c.name()) && c.nullable());
                boolean unique = t.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(fk.columns()));
                ForeignKey key = new ForeignKey(fullName.apply(t.schema(), t.name()),
                        fullName.apply(parent.schema(), parent.table()), map, primary, nullable, unique);
                net.addEdge(child, parent, new Edge(fk.name(), child, parent, key));
            }
        }
        return new Dependencies(ImmutableNetwork.copyOf(net), Map.copyOf(keys));
    }

    /** Every table in the graph. */
    Set<Node> nodes() {
        return network.nodes();
    }

    /** The primary key of a table of the loaded schemas (empty for a parent outside them). */
    List<String> primaryKey(Node node) {
        return primaryKeys.getOrDefault(node, List.of());
    }

    /** The foreign keys referencing a table, by child then constraint name. */
    List<Edge> childEdges(Node parent) {
        if (!contains(parent)) {
            return List.of();
        }
        return network.inEdges(parent).stream().filter(e -> !e.child().equals(parent))
                .sorted(Comparator.comparing(Edge::child).thenComparing(Edge::constraint)).toList();
    }

    /** Every foreign key of the graph. */
    Set<Edge> edges() {
        return network.edges();
    }

    boolean contains(Node node) {
        return network.nodes().contains(node);
    }

    /** Foreign keys of a child, in constraint-name order. */
    List<Edge> foreignKeys(Node child) {
        if (!contains(child)) {
            return List.of();
        }
        return network.outEdges(child).stream().sorted(Comparator.comparing(Edge::constraint)).toList();
    }

    List<Node> parents(Node node) {
        return contains(node) ? new ArrayList<>(new TreeSet<>(network.successors(node))) : List.of();
    }

    List<Node> children(Node node) {
        return contains(node) ? new ArrayList<>(new TreeSet<>(network.predecessors(node))) : List.of();
    }

    /** Every node reachable towards the parents, parents first. */
    List<Node> ancestors(Node node) {
        Set<Node> reach = reach(node, true);
        return topological().stream().filter(reach::contains).toList();
    }

    /** Every node depending on this one, in topological order. */
    List<Node> descendants(Node node) {
        Set<Node> reach = reach(node, false);
        return topological().stream().filter(reach::contains).toList();
    }

    private Set<Node> reach(Node start, boolean up) {
        Set<Node> seen = new HashSet<>();
        if (!contains(start)) {
            return seen;
        }
        Deque<Node> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (Node next : up ? network.successors(todo.pop()) : network.predecessors(todo.pop())) {
                if (!next.equals(start) && seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    /** All nodes, every parent before its children; ties broken by name, so the order is stable. */
    List<Node> topological() {
        List<Node> order = topological;
        if (order == null) {
            order = List.copyOf(sort());
            topological = order;
        }
        return order;
    }

    private List<Node> sort() {
        Map<Node, Integer> pending = new HashMap<>();
        for (Node n : network.nodes()) {
            pending.put(n, (int) network.successors(n).stream().filter(p -> !p.equals(n)).count());
        }
        TreeSet<Node> ready = new TreeSet<>();
        pending.forEach((n, c) -> {
            if (c == 0) {
                ready.add(n);
            }
        });
        List<Node> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node n = ready.pollFirst();
            out.add(n);
            for (Node child : network.predecessors(n)) {
                if (!child.equals(n) && pending.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return out;
    }
}
