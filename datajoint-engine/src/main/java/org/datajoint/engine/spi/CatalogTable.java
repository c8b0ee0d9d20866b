package org.datajoint.engine.spi;

import java.util.List;

/**
 * Everything the catalog says about one table.
 *
 * @param schema the schema name
 * @param name the table name
 * @param comment the table comment ({@code ""} when none)
 * @param columns the columns in ordinal order
 * @param primaryKey the primary-key columns in key order
 * @param indexes secondary indexes, excluding the primary key
 * @param foreignKeys foreign keys to parent tables
 */
public record CatalogTable(String schema, String name, String comment, List<CatalogColumn> columns,
        List<String> primaryKey, List<CatalogIndex> indexes, List<CatalogForeignKey> foreignKeys) {
    public CatalogTable {
        comment = comment == null ? "" : comment;
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
