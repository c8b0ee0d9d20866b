package org.datajoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A foreign key from a child table to a parent table.
 *
 * @param child the child's full table name
 * @param parent the parent's full table name
 * @param attributes child attribute to parent attribute, in the parent's primary-key order
 * @param primary whether the child's attributes are all part of the child's primary key
 * @param nullable whether the child's attributes accept null
 * @param unique whether a unique index covers exactly the child's attributes
 */
public record ForeignKey(String child, String parent, Map<String, String> attributes, boolean primary,
        boolean nullable, boolean unique) {

    public ForeignKey {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(parent, "parent");
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Whether any attribute is renamed, as by {@code -> Parent.proj(new_name='old_name')}. */
    public boolean renamed() {
        return attributes.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
    }
}
