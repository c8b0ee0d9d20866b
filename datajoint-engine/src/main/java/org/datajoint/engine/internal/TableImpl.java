package org.datajoint.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.DefinitionException;
import org.datajoint.ForeignKey;
import org.datajoint.FreeTable;
import org.datajoint.Heading;
import org.datajoint.DeleteOptions;
import org.datajoint.DropOptions;
import org.datajoint.InsertOptions;
import org.datajoint.Match;
import org.datajoint.QueryExpression;
import org.datajoint.MissingTableException;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.datajoint.engine.spi.CatalogTable;
import org.jooq.impl.DSL;

/**
 * A table handle, possibly restricted; everything it reports comes from the instance's catalog
 * cache. As a query expression its FROM clause is the table itself.
 */
final class TableImpl extends QueryImpl implements FreeTable {

    private final InstanceImpl instance;
    private final String schema;
    private final String table;
    private final JobsImpl jobs;

    TableImpl(InstanceImpl instance, String schema, String table) {
        super(instance);
        this.instance = instance;
        this.schema = schema;
        this.table = table;
        this.jobs = new JobsImpl(this);
        this.support = List.of(new TableRef(schema, table));
    }

    private TableImpl(TableImpl from) {
        super(from);
        this.instance = from.instance;
        this.schema = from.schema;
        this.table = from.table;
        this.jobs = from.jobs;
    }

    @Override
    QueryImpl copyForRestriction() {
        return new TableImpl(this);
    }

    @Override
    QHeading qheading() {
        QHeading h = super.qheading();
        if (h == null) {
            h = instance.catalog().queryHeading(catalogTable(), t -> {
                Heading pub = heading();
                boolean lineage = instance.catalog().hasLineage(schema);
                return new QHeading(pub.attributes().stream().map(a -> new QAttr(a.name(), a, a.inPrimaryKey(),
                        new QAttr.Origin(schema, table, a.name()), null)).toList(), lineage);
            });
            setHeading(h);
        }
        return h;
    }

    @Override
    String describeForErrors() {
        return className() + " " + fullTableName();
    }

    @Override
    public Table restrict(Object condition) {
        return restrict(condition, Match.SEMANTIC);
    }

    @Override
    public Table restrict(Object condition, Match match) {
        return (Table) restricted(condition, match);
    }

    @Override
    public org.datajoint.PopulateResult populate(org.datajoint.PopulateOptions options, Object... restrictions) {
        return Populator.populate(this, options, restrictions);
    }

    @Override
    public org.datajoint.Progress progress(Object... restrictions) {
        return Populator.progress(this, restrictions);
    }

    @Override
    public QueryExpression keySource() {
        return Populator.keySource(this);
    }

    @Override
    public Table withKeySource(QueryExpression source) {
        return Populator.registerKeySource(this, source);
    }

    @Override
    public org.datajoint.Jobs jobs() {
        return jobs;
    }

    @Override
    public long delete(DeleteOptions options) {
        return DiagramImpl.ofNodes(instance, List.of(node())).cascade(this, options.partIntegrity()).delete(options);
    }

    @Override
    public long deleteQuick() {
        catalogTable();
        return instance.connectionImpl().transaction(tx -> DiagramDeletes.deleteRows(instance.connectionImpl(), this));
    }

    @Override
    public void drop(DropOptions options) {
        Drops.dropTable(this, options);
    }

    @Override
    public void insert(QueryExpression rows, InsertOptions options) {
        Rows.insertQuery(this, QueryImpl.of(rows), options);
    }

    ConnectionImpl instanceConnection() {
        return instance.connectionImpl();
    }

    Dependencies.Node node() {
        return new Dependencies.Node(schema, table);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String tableName() {
        return table;
    }

    @Override
    public String fullTableName() {
        return instance.connectionImpl().renderer().render(DSL.name(schema, table));
    }

    @Override
    public String className() {
        return TableNaming.className(table);
    }

    @Override
    public Tier tier() {
        return Tier.ofTableName(table);
    }

    @Override
    public boolean isDeclared() {
        return !instance.connectionImpl().query("SELECT 1 FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name = ?", schema, table).isEmpty();
    }

    CatalogTable catalogTable() {
        return instance.catalog().table(schema, table).orElseThrow(() -> new MissingTableException(
                "Table " + fullTableName() + " does not exist"));
    }

    @Override
    public Heading heading() {
        return instance.catalog().heading(catalogTable());
    }

    @Override
    public void insert(Iterable<?> rows, InsertOptions options) {
        if (rows instanceof java.nio.file.Path csv) {
            Rows.insertCsv(this, csv, options);
            return;
        }
        Rows.insert(this, rows, options);
    }

    @Override
    public void insert(java.nio.file.Path csv, InsertOptions options) {
        Rows.insertCsv(this, csv, options);
    }

    @Override
    public void update1(Map<String, ?> row) {
        Rows.update1(this, row);
    }

    @Override
    public List<ForeignKey> foreignKeys() {
        catalogTable();
        return dependencies().foreignKeys(node()).stream().map(Dependencies.Edge::foreignKey).toList();
    }

    private Dependencies dependencies() {
        return instance.catalog().dependencies();
    }

    @Override
    public String describe() {
        return Describer.describe(this, heading(), foreignKeys());
    }

    @Override
    public List<String> definitionDifferences(String definition) {
        return instance.declarations().differences(this, definition);
    }

    @Override
    public List<Table> parents() {
        catalogTable();
        return handles(dependencies().parents(node()));
    }

    @Override
    public List<Table> children() {
        catalogTable();
        instance.catalog().loadReferencingSchemas();
        return handles(dependencies().children(node()));
    }

    @Override
    public List<Table> ancestors() {
        catalogTable();
        return handles(dependencies().ancestors(node()));
    }

    @Override
    public List<Table> descendants() {
        catalogTable();
        instance.catalog().loadReferencingSchemas();
        return handles(dependencies().descendants(node()));
    }

    private List<Table> handles(List<Dependencies.Node> nodes) {
        return nodes.stream().<Table>map(n -> new TableImpl(instance, n.schema(), n.table())).toList();
    }

    @Override
    public Table part(String name, String definition) {
        if (tier() == Tier.PART) {
            throw new DefinitionException("Part table " + className() + " cannot have parts of its own");
        }
        return instance.declarations().declare(schema, Tier.PART, name, definition, this, List.of());
    }

    @Override
    public List<Table> parts() {
        String prefix = table + "__";
        return instance.catalog().tables(schema).keySet().stream().filter(n -> n.startsWith(prefix))
                .<Table>map(n -> new TableImpl(instance, schema, n)).toList();
    }

    @Override
    public Optional<Table> master() {
        if (tier() != Tier.PART) {
            return Optional.empty();
        }
        return Optional.of(new TableImpl(instance, schema, TableNaming.masterOf(table)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableImpl t && t.schema.equals(schema) && t.table.equals(table) && t.instance == instance
                && t.restriction.isEmpty() && restriction.isEmpty();
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + table.hashCode();
    }

    /** The table's preview, as DataJoint prints a table; {@link #fullTableName()} names it. */
    @Override
    public String toString() {
        return super.toString();
    }
}
