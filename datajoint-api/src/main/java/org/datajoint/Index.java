package org.datajoint;

import java.util.List;

/**
 * A secondary index of a table, as declared by {@code index(...)} or {@code unique index(...)}.
 *
 * @param attributes the indexed attributes (or parenthesised expressions), in order
 * @param unique whether the index is unique
 */
public record Index(List<String> attributes, boolean unique) {
    public Index {
        attributes = List.copyOf(attributes);
    }
}
