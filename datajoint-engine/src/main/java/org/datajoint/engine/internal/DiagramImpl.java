package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.datajoint.Cond;
import org.datajoint.DataJointException;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.FreeTable;
import org.datajoint.Match;
import org.datajoint.PartIntegrity;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Tier;
import org.datajoint.engine.internal.Dependencies.Node;
import org.datajoint.engine.internal.Propagation.Contribution;

/**
 * A diagram: a snapshot of the foreign-key graph, the tables it shows, and (for cascade and
 * restricted diagrams) what restricts each table. Immutable.
 */
final class DiagramImpl implements Diagram {

    enum Mode { PLAIN, CASCADE, RESTRICT }

    private final InstanceImpl instance;
    private final Dependencies graph;
    private final Set<Node> shown;
    private final Mode mode;
    private final Map<Node, Map<Object, Contribution>> restrictions;
    private final Node seed;
    private final PartIntegrity partIntegrity;
    private final Map<Node, Optional<Object>> conditions = new ConcurrentHashMap<>();

    private DiagramImpl(InstanceImpl instance, Dependencies graph, Set<Node> shown, Mode mode,
            Map<Node, Map<Object, Contribution>> restrictions, Node seed, PartIntegrity partIntegrity) {
        this.instance = instance;
        this.graph = graph;
        this.shown = Collections.unmodifiableSet(new LinkedHashSet<>(shown));
        this.mode = mode;
        this.restrictions = restrictions;
        this.seed = seed;
        this.partIntegrity = partIntegrity;
    }

    /** The diagram of tables and schemas. */
    static DiagramImpl of(List<Object> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Diagram.of needs at least one table or schema");
        }
        InstanceImpl instance = null;
        Set<Node> nodes = new LinkedHashSet<>();
        for (Object s : sources) {
            InstanceImpl i;
            if (s instanceof TableImpl t) {
                i = t.instance();
                t.catalogTable();
                nodes.add(t.node());
            } else if (s instanceof SchemaImpl schema) {
                i = (InstanceImpl) schema.instance();
                i.catalog().tables(schema.name()).keySet().stream().filter(n -> !n.startsWith("~"))
                        .forEach(n -> nodes.add(new Node(schema.name(), n)));
            } else {
                throw new IllegalArgumentException("Diagram.of takes tables and schemas of this engine, not "
                        + (s == null ? "null" : s.getClass().getName()));
            }
            if (instance != null && instance != i) {
                throw new IllegalArgumentException("Diagram.of needs tables and schemas of one instance");
            }
            instance = i;
        }
        return new DiagramImpl(instance, instance.catalog().dependencies(), nodes, Mode.PLAIN, Map.of(), null,
                PartIntegrity.ENFORCE);
    }

    /** A plain diagram of these tables. */
    static DiagramImpl ofNodes(InstanceImpl instance, List<Node> nodes) {
        return new DiagramImpl(instance, instance.catalog().dependencies(), new LinkedHashSet<>(nodes), Mode.PLAIN,
                Map.of(), null, PartIntegrity.ENFORCE);
    }

    private DiagramImpl withShown(Dependencies g, Set<Node> nodes) {
        return new DiagramImpl(instance, g, nodes, mode, restrictions, seed, partIntegrity);
    }

    InstanceImpl instance() {
        return instance;
    }

    Dependencies graph() {
        return graph;
    }

    Mode mode() {
        return mode;
    }

    Node seed() {
        return seed;
    }

    PartIntegrity partIntegrity() {
        return partIntegrity;
    }

    /** The tables shown, parents first. */
    List<Node> order() {
        return graph.topological().stream().filter(shown::contains).toList();
    }

    boolean isRestricted(Node n) {
        return restrictions.containsKey(n);
    }

    /** Why a table is restricted: the keys of its contributions (foreign-key edges, "seed", "keys"). */
    Set<Object> reasons(Node n) {
        return restrictions.getOrDefault(n, Map.of()).keySet();
    }

    // ---- graph algebra ---------------------------------------------------------------------

    @Override
    public List<String> tables() {
        return order().stream().map(this::fullName).toList();
    }

    String fullName(Node n) {
        return instance.connectionImpl().renderer().render(org.jooq.impl.DSL.name(n.schema(), n.table()));
    }

    @Override
    public Diagram plus(int n) {
        requirePlain("plus");
        instance.catalog().loadReferencingSchemas();
        Dependencies g = instance.catalog().dependencies();
        Set<Node> out = new LinkedHashSet<>(shown);
        for (int i = 0; i < n; i++) {
            Set<Node> next = new LinkedHashSet<>(out);
            out.forEach(node -> next.addAll(g.children(node)));
            if (next.size() == out.size()) {
                break;
            }
            out = next;
        }
        return withShown(g, out);
    }

    @Override
    public Diagram minus(int n) {
        requirePlain("minus");
        Set<Node> out = new LinkedHashSet<>(shown);
        for (int i = 0; i < n; i++) {
            Set<Node> next = new LinkedHashSet<>(out);
            out.forEach(node -> next.addAll(graph.parents(node)));
            if (next.size() == out.size()) {
                break;
            }
            out = next;
        }
        return withShown(graph, out);
    }

    @Override
    public Diagram union(Diagram other) {
        DiagramImpl o = same(other, "union");
        Set<Node> out = new LinkedHashSet<>(shown);
        out.addAll(o.shown);
        return withShown(instance.catalog().dependencies(), out);
    }

    @Override
    public Diagram intersect(Diagram other) {
        DiagramImpl o = same(other, "intersect");
        Set<Node> out = new LinkedHashSet<>(shown);
        out.retainAll(o.shown);
        return withShown(graph, out);
    }

    @Override
    public Diagram difference(Diagram other) {
        DiagramImpl o = same(other, "difference");
        Set<Node> out = new LinkedHashSet<>(shown);
        out.removeAll(o.shown);
        return withShown(graph, out);
    }

    private DiagramImpl same(Diagram other, String op) {
        requirePlain(op);
        if (!(other instanceof DiagramImpl o) || o.instance != instance) {
            throw new IllegalArgumentException(op + " needs a diagram of the same instance");
        }
        o.requirePlain(op);
        return o;
    }

    private void requirePlain(String op) {
        if (mode != Mode.PLAIN) {
            throw new DataJointException(op + "() combines unrestricted diagrams; apply it before cascade() or"
                    + " restrict()");
        }
    }

    // ---- cascade and restrict --------------------------------------------------------------

    @Override
    public Diagram cascade(QueryExpression expression, PartIntegrity integrity) {
        java.util.Objects.requireNonNull(integrity, "partIntegrity");
        if (mode != Mode.PLAIN) {
            throw new DataJointException("cascade() is one-shot: this diagram is already "
                    + (mode == Mode.CASCADE ? "a cascade" : "restricted") + "; start again from Diagram.of(...)");
        }
        TableImpl table = seedTable(expression, "cascade");
        instance.catalog().loadReferencingSchemas();
        Dependencies g = instance.catalog().dependencies();
        Node start = table.node();
        Propagation p = new Propagation(g, Map.of());
        p.add(start, "seed", new Contribution("seed", new Propagation.Seed(table.restriction),
                table.restrictionAttributes));
        Set<Node> allowed = new HashSet<>(g.descendants(start));
        allowed.add(start);
        p.forward(allowed);
        if (integrity == PartIntegrity.CASCADE) {
            cascadeToMasters(g, p, allowed);
        }
        Map<Node, Map<Object, Contribution>> result = p.result();
        return new DiagramImpl(instance, g, result.keySet(), Mode.CASCADE, result, start, integrity);
    }

    /**
     * Restricts the masters of restricted parts by the keys of the master rows their rows reach
     * through every foreign-key path (see {@link PartPaths}), then cascades from them again,
     * until the masters' keys stop growing.
     */
    private void cascadeToMasters(Dependencies g, Propagation p, Set<Node> allowed) {
        Map<Node, Set<Map<String, Object>>> materialized = new LinkedHashMap<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            DiagramImpl snapshot = new DiagramImpl(instance, g, Set.of(), Mode.CASCADE, p.result(), null,
                    PartIntegrity.CASCADE);
            Map<Node, Set<Map<String, Object>>> found = new LinkedHashMap<>();
            for (Node part : g.topological()) {
                if (!p.isRestricted(part)) {
                    continue;
                }
                PartPaths.of(snapshot, part).ifPresent(paths -> found.computeIfAbsent(paths.master(),
                        k -> new LinkedHashSet<>()).addAll(paths.mastersReached().proj().keys()));
            }
            for (Map.Entry<Node, Set<Map<String, Object>>> e : found.entrySet()) {
                Set<Map<String, Object>> before = materialized.getOrDefault(e.getKey(), Set.of());
                if (!before.containsAll(e.getValue()) || !materialized.containsKey(e.getKey())) {
                    Set<Map<String, Object>> all = new LinkedHashSet<>(before);
                    all.addAll(e.getValue());
                    materialized.put(e.getKey(), all);
                    p.add(e.getKey(), "keys", new Contribution("keys", new Propagation.Keys(List.copyOf(all)),
                            Set.copyOf(g.primaryKey(e.getKey()))));
                    allowed.add(e.getKey());
                    allowed.addAll(g.descendants(e.getKey()));
                    grew = true;
                }
            }
            if (grew) {
                p.forward(allowed);
            }
        }
    }

    static Node masterOf(Node node) {
        if (Tier.ofTableName(node.table()) != Tier.PART) {
            return null;
        }
        return new Node(node.schema(), TableNaming.masterOf(node.table()));
    }

    @Override
    public Diagram restrict(QueryExpression expression) {
        if (mode == Mode.CASCADE) {
            throw new DataJointException("restrict() cannot follow cascade(): a cascade diagram (OR) and a restricted"
                    + " diagram (AND) are different modes; start again from Diagram.of(...)");
        }
        TableImpl table = seedTable(expression, "restrict");
        Node start = table.node();
        if (!shown.contains(start)) {
            throw new DataJointException("Table " + table.fullTableName() + " is not in the diagram " + tables()
                    + "; restrict() seeds at one of its tables");
        }
        Propagation p = new Propagation(graph, restrictions);
        String group = "seed#" + restrictions.values().stream().flatMap(m -> m.keySet().stream())
                .filter(k -> k instanceof String s && s.startsWith("seed#")).count();
        p.add(start, group, new Contribution(group, new Propagation.Seed(table.restriction),
                table.restrictionAttributes));
        Set<Node> allowed = new HashSet<>(graph.descendants(start));
        allowed.add(start);
        p.forward(allowed);
        return new DiagramImpl(instance, graph, shown, Mode.RESTRICT, p.result(), null, PartIntegrity.ENFORCE);
    }

    private TableImpl seedTable(QueryExpression expression, String op) {
        if (!(expression instanceof TableImpl t)) {
            throw new DataJointException(op + "() seeds at a table, optionally restricted; got "
                    + (expression == null ? "null" : "a derived query") + ". Restrict the table by the query instead,"
                    + " for example table.restrict(query)");
        }
        if (t.instance() != instance) {
            throw new DataJointException(op + "() needs a table of the diagram's instance");
        }
        t.catalogTable();
        return t;
    }

    // ---- restricted tables -----------------------------------------------------------------

    TableImpl table(Node n) {
        return new TableImpl(instance, n.schema(), n.table());
    }

    /** The table restricted as in this diagram (unrestricted when it has no restriction). */
    TableImpl restrictedTable(Node n) {
        Object c = condition(n);
        TableImpl t = table(n);
        return c == null ? t : (TableImpl) t.restricted(c, Match.NATURAL);
    }

    /** The combined restriction of a table: OR of its contributions, or AND of OR groups when restricting. */
    Object condition(Node n) {
        Optional<Object> cached = conditions.get(n);
        if (cached == null) {
            cached = Optional.ofNullable(combine(n));
            conditions.put(n, cached);
        }
        return cached.orElse(null);
    }

    private Object combine(Node n) {
        Map<Object, Contribution> contributions = restrictions.get(n);
        if (contributions == null) {
            return null;
        }
        if (mode != Mode.RESTRICT) {
            List<Object> any = new ArrayList<>();
            contributions.values().forEach(c -> any.add(resolve(c.source())));
            return any;
        }
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        contributions.values().forEach(c -> groups.computeIfAbsent(c.group(), k -> new ArrayList<>())
                .add(resolve(c.source())));
        return Cond.and(groups.values().toArray());
    }

    private Object resolve(Propagation.Source source) {
        if (source instanceof Propagation.Seed s) {
            return new Conditions.Raw(s.items());
        }
        if (source instanceof Propagation.Copy c) {
            Object parent = condition(c.parent());
            if (parent == null) {
                return true;
            }
            Object made = Conditions.make(table(c.parent()), parent, new HashSet<>(), Match.NATURAL);
            return made instanceof Boolean b ? b : new Conditions.Raw(List.of((Conditions.Rendered) made));
        }
        if (source instanceof Propagation.Projected p) {
            return exactColumns(restrictedTable(p.parent()), p.columns());
        }
        List<Map<String, Object>> keys = ((Propagation.Keys) source).keys();
        return keys.isEmpty() ? Boolean.FALSE : keys;
    }

    /**
     * The distinct rows of {@code q} projected onto exactly the attributes {@code columns}
     * names (new name to attribute of {@code q}), for a semijoin on exactly those attributes.
     */
    static QueryImpl exactColumns(QueryImpl q, Map<String, String> columns) {
        Proj proj = Proj.key();
        int aside = 0;
        for (String k : q.qheading().primaryKey()) {
            if (columns.containsKey(k) && !columns.get(k).equals(k) && !columns.containsValue(k)) {
                proj = proj.rename("dj_aside_" + aside++ + "_" + k, k);
            }
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (!e.getKey().equals(e.getValue())) {
                proj = proj.rename(e.getKey(), e.getValue());
            } else if (!q.qheading().get(e.getValue()).inKey()) {
                proj = proj.and(e.getValue());
            }
        }
        QueryImpl projected = Projection.apply(q, proj);
        return (QueryImpl) new UniversalSetImpl(List.copyOf(columns.keySet())).restrict(projected);
    }

    // ---- inspection ------------------------------------------------------------------------

    @Override
    public Map<String, Long> preview() {
        if (mode == Mode.PLAIN) {
            throw new DataJointException("preview() counts the rows of a cascade or restricted diagram; call cascade()"
                    + " or restrict() first");
        }
        return DiagramDeletes.counts(this, order().stream().filter(this::isRestricted).toList());
    }

    @Override
    public Diagram prune() {
        if (mode == Mode.CASCADE) {
            throw new DataJointException("prune() cannot be used on a cascade diagram: it must keep every table a"
                    + " delete may reach, even one that is empty now");
        }
        List<Node> counted = mode == Mode.RESTRICT ? order().stream().filter(this::isRestricted).toList() : order();
        Map<String, Long> counts = DiagramDeletes.counts(this, counted);
        Set<Node> kept = new LinkedHashSet<>(shown);
        for (Node n : counted) {
            if (counts.get(fullName(n)) == 0L) {
                kept.remove(n);
            }
        }
        return withShown(graph, kept);
    }

    @Override
    public Iterator<FreeTable> iterator() {
        return order().stream().<FreeTable>map(this::restrictedTable).iterator();
    }

    @Override
    public List<FreeTable> reversed() {
        List<FreeTable> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        Collections.reverse(out);
        return out;
    }

    @Override
    public long delete(DeleteOptions options) {
        if (mode != Mode.CASCADE) {
            throw new DataJointException("delete() executes a cascade diagram; build one with cascade(expression)");
        }
        if (options.setsPartIntegrity() && options.partIntegrity() != partIntegrity) {
            throw new DataJointException("delete() options ask for PartIntegrity." + options.partIntegrity()
                    + " but this cascade was planned with PartIntegrity." + partIntegrity + ", which decides the rows"
                    + " it deletes. Plan it with cascade(seed, PartIntegrity." + options.partIntegrity()
                    + "), or leave the mode out of the options");
        }
        return DiagramDeletes.delete(this, options);
    }

    @Override
    public String toMermaid() {
        return DiagramText.mermaid(this);
    }

    @Override
    public String toDot() {
        return DiagramText.dot(this);
    }

    @Override
    public String toString() {
        return "Diagram" + tables() + (mode == Mode.PLAIN ? "" : " (" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
    }
}
