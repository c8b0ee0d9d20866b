package org.datajoint.engine.spi;

import java.util.List;

/**
 * A secondary index (not the primary key).
 *
 * @param name the index name
 * @param columns indexed columns or expressions, in order
 * @param unique whether it is unique
 */
public record CatalogIndex(String name, List<String> columns, boolean unique) {
    public CatalogIndex {
        columns = List.copyOf(columns);
    }
}
