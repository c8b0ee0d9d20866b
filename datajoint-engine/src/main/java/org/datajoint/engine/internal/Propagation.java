package org.datajoint.engine.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.engine.internal.Dependencies.Edge;
import org.datajoint.engine.internal.Dependencies.Node;

/**
 * Propagation of restrictions over the foreign-key graph, by the rules of DataJoint's cascade
 * specification. Each table collects contributions, one per reason it is restricted: its own
 * seed restriction, one per foreign key from a restricted parent (F1 copy, F2 renamed
 * projection, F3 projection), and, for masters reached upward from their parts, their
 * materialized keys. Contributions refer to their parent's final restriction, so the order in
 * which they are found does not matter; they are combined only when a statement is rendered.
 */
final class Propagation {

    /** Where a contribution comes from. */
    sealed interface Source {
    }

    /** The seed's own restriction (AND of its conditions; none: every row). */
    record Seed(List<Conditions.Rendered> items) implements Source {
    }

    /** F1: the parent's restriction, on the same attribute names. */
    record Copy(Node parent) implements Source {
    }

    /** F2 and F3: the parent's restricted rows projected onto the foreign key, child name to parent name. */
    record Projected(Node parent, Map<String, String> columns) implements Source {
    }

    /** A master's primary-key values, fetched before anything is deleted. */
    record Keys(List<Map<String, Object>> keys) implements Source {
    }

    /**
     * One reason a table is restricted. In restrict mode contributions of one group (one parent,
     * whatever the number of foreign keys to it) combine with OR and groups with AND; in cascade
     * mode everything combines with OR.
     */
    record Contribution(Object group, Source source, Set<String> attributes) {
        Contribution {
            attributes = Set.copyOf(attributes);
        }
    }

    private final Dependencies graph;
    private final Map<Node, Map<Object, Contribution>> restrictions;

    Propagation(Dependencies graph, Map<Node, Map<Object, Contribution>> restrictions) {
        this.graph = graph;
        this.restrictions = new LinkedHashMap<>();
        restrictions.forEach((n, m) -> this.restrictions.put(n, new LinkedHashMap<>(m)));
    }

    /** The contributions found, per table; unmodifiable. */
    Map<Node, Map<Object, Contribution>> result() {
        Map<Node, Map<Object, Contribution>> out = new LinkedHashMap<>();
        restrictions.forEach((n, m) -> out.put(n, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        return Collections.unmodifiableMap(out);
    }

    void add(Node node, Object key, Contribution c) {
        restrictions.computeIfAbsent(node, k -> new LinkedHashMap<>()).put(key, c);
    }

    Set<String> attributes(Node node) {
        Set<String> out = new LinkedHashSet<>();
        restrictions.getOrDefault(node, Map.of()).values().forEach(c -> out.addAll(c.attributes()));
        return out;
    }

    boolean isRestricted(Node node) {
        return restrictions.containsKey(node);
    }

    /**
     * Forward propagation from every restricted table of {@code allowed} to its children in
     * {@code allowed}, until nothing changes (restricted attribute sets only grow, so it ends).
     */
    void forward(Set<Node> allowed) {
        List<Node> order = graph.topological();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node node : order) {
                if (!allowed.contains(node) || !isRestricted(node)) {
                    continue;
                }
                Set<String> parentAttributes = attributes(node);
                for (Edge e : graph.childEdges(node)) {
                    if (!allowed.contains(e.child())) {
                        continue;
                    }
                    Contribution c = forwardRule(node, parentAttributes, e);
                    Map<Object, Contribution> existing = restrictions.computeIfAbsent(e.child(), k -> new LinkedHashMap<>());
                    if (!c.equals(existing.get(e))) {
                        existing.put(e, c);
                        changed = true;
                    }
                }
            }
        }
    }

    private Contribution forwardRule(Node parent, Set<String> parentAttributes, Edge e) {
        Map<String, String> map = e.foreignKey().attributes();
        boolean aliased = e.foreignKey().renamed();
        List<String> childKey = graph.primaryKey(e.child());
        if (!aliased && !parentAttributes.isEmpty() && childKey.containsAll(parentAttributes)) {
            return new Contribution(parent, new Copy(parent), parentAttributes);
        }
        return new Contribution(parent, new Projected(parent, map), aliased ? map.keySet() : new HashSet<>(map.values()));
    }
}
