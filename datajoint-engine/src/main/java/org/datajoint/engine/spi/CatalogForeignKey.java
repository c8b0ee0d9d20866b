package org.datajoint.engine.spi;

import java.util.List;

/**
 * A foreign-key constraint.
 *
 * @param name the constraint name
 * @param columns the child's columns, in constraint order
 * @param parentSchema the referenced table's schema
 * @param parentTable the referenced table's name
 * @param parentColumns the referenced columns, matching {@code columns} position by position
 */
public record CatalogForeignKey(String name, List<String> columns, String parentSchema, String parentTable,
        List<String> parentColumns) {
    public CatalogForeignKey {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
        if (columns.size() != parentColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size() + " columns but "
                    + parentColumns.size() + " referenced columns");
        }
    }
}
