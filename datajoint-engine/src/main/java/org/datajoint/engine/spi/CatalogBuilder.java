package org.datajoint.engine.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles {@link CatalogTable}s from the row-at-a-time results of catalog queries, so that a
 * dialect's {@link Dialect#readCatalog} is only its queries. Rows of tables not announced with
 * {@link #table} are ignored. Not thread-safe; one per read.
 */
public final class CatalogBuilder {

    private record Key(String schema, String table) {
    }

    private static final class Table {
        final String comment;
        final List<CatalogColumn> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        final Map<String, Boolean> indexUnique = new LinkedHashMap<>();
        final Map<String, String[]> foreignKeyParents = new LinkedHashMap<>();
        final Map<String, List<String>> foreignKeyColumns = new LinkedHashMap<>();
        final Map<String, List<String>> foreignKeyParentColumns = new LinkedHashMap<>();

        Table(String comment) {
            this.comment = comment;
        }
    }

    private final Map<Key, Table> tables = new LinkedHashMap<>();

    /** Announces a table, in the order the result should list them. */
    public CatalogBuilder table(String schema, String table, String comment) {
        tables.put(new Key(schema, table), new Table(comment));
        return this;
    }

    /** Adds the next column of a table, in ordinal order. */
    public CatalogBuilder column(String schema, String table, CatalogColumn column) {
        Table t = tables.get(new Key(schema, table));
        if (t != null) {
            t.columns.add(column);
        }
        return this;
    }

    /** Adds the next primary-key column of a table, in key order. */
    public CatalogBuilder primaryKeyColumn(String schema, String table, String column) {
        Table t = tables.get(new Key(schema, table));
        if (t != null) {
            t.primaryKey.add(column);
        }
        return this;
    }

    /** Adds the next column (or expression) of a secondary index, in index order. */
    public CatalogBuilder indexColumn(String schema, String table, String index, String column, boolean unique) {
        Table t = tables.get(new Key(schema, table));
        if (t != null) {
            t.indexColumns.computeIfAbsent(index, k -> new ArrayList<>()).add(column);
            t.indexUnique.put(index, unique);
        }
        return this;
    }

    /** Adds the next column pair of a foreign key, in constraint order. */
    public CatalogBuilder foreignKeyColumn(String schema, String table, String constraint, String column,
            String parentSchema, String parentTable, String parentColumn) {
        Table t = tables.get(new Key(schema, table));
        if (t != null) {
            t.foreignKeyParents.put(constraint, new String[] {parentSchema, parentTable});
            t.foreignKeyColumns.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
            t.foreignKeyParentColumns.computeIfAbsent(constraint, k -> new ArrayList<>()).add(parentColumn);
        }
        return this;
    }

    /** The tables, in announcement order. */
    public List<CatalogTable> build() {
        List<CatalogTable> out = new ArrayList<>();
        tables.forEach((key, t) -> {
            List<CatalogIndex> indexes = new ArrayList<>();
            t.indexColumns.forEach((name, cols) -> indexes.add(new CatalogIndex(name, cols, t.indexUnique.get(name))));
            List<CatalogForeignKey> fks = new ArrayList<>();
            t.foreignKeyParents.forEach((name, parent) -> fks.add(new CatalogForeignKey(name,
                    t.foreignKeyColumns.get(name), parent[0], parent[1], t.foreignKeyParentColumns.get(name))));
            out.add(new CatalogTable(key.schema(), key.table(), t.comment, t.columns, t.primaryKey, indexes, fks));
        });
        return out;
    }
}
