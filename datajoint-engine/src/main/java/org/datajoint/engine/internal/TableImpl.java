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
import org.datajoint.InsertOptions;
import org.datajoint.MissingTableException;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.datajoint.engine.spi.CatalogTable;
import org.jooq.impl.DSL;

/** A table handle; everything it reports comes from the instance's catalog cache. */
final class TableImpl implements FreeTable {

    private final InstanceImpl instance;
    private final String schema;
    private final String table;

    TableImpl(InstanceImpl instance, String schema, String table) {
        this.instance = instance;
        this.schema = schema;
        this.table = table;
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
    public boolean exists() {
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
    public <R extends Record> List<R> toList(Class<R> recordType) {
        return toDicts().stream().map(row -> RowShapes.toRecord(row, recordType)).toList();
    }

    @Override
    public List<Map<String, Object>> toDicts() {
        return Rows.fetch(this, heading().attributes());
    }

    @Override
    public java.util.stream.Stream<Map<String, Object>> stream() {
        return Rows.stream(this);
    }

    @Override
    public Map<String, Object> fetch1() {
        List<Map<String, Object>> rows = toDicts();
        if (rows.size() != 1) {
            throw new DataJointException("fetch1 needs exactly one row; " + className() + " has " + rows.size()
                    + (rows.isEmpty() ? "" : "; restrict it to one row first"));
        }
        return rows.get(0);
    }

    @Override
    public List<Map<String, Object>> keys() {
        Heading h = heading();
        return Rows.fetch(this, h.attributes().stream().filter(Attribute::inPrimaryKey).toList());
    }

    @Override
    public long count() {
        return Rows.count(this);
    }

    @Override
    public String sql() {
        return Rows.selectSql(this);
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
        return o instanceof TableImpl t && t.schema.equals(schema) && t.table.equals(table) && t.instance == instance;
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + table.hashCode();
    }

    @Override
    public String toString() {
        return className() + " " + fullTableName();
    }
}
