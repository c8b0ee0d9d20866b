package org.datajoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of a table or query result, with its primary key. Immutable. Platform-managed
 * hidden attributes are kept but left out of {@link #attributes()} and {@link #names()}.
 */
public final class Heading {

    private final Map<String, Attribute> all;
    private final List<Attribute> visible;
    private final String tableComment;
    private final List<Index> indexes;

    /**
     * A heading of these attributes, in order.
     *
     * @throws IllegalArgumentException for duplicate names
     */
    public Heading(List<Attribute> attributes, String tableComment, List<Index> indexes) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            if (map.put(a.name(), a) != null) {
                throw new IllegalArgumentException("duplicate attribute '" + a.name() + "'");
            }
        }
        this.all = java.util.Collections.unmodifiableMap(map);
        this.visible = attributes.stream().filter(a -> !a.hidden()).toList();
        this.tableComment = tableComment == null ? "" : tableComment;
        this.indexes = List.copyOf(indexes);
    }

    /** The visible attributes, primary key first, in declaration order. */
    public List<Attribute> attributes() {
        return visible;
    }

    /** Every attribute including platform-managed hidden ones. */
    public List<Attribute> allAttributes() {
        return List.copyOf(all.values());
    }

    /** Names of the visible attributes. */
    public List<String> names() {
        return visible.stream().map(Attribute::name).toList();
    }

    /** Names of the visible primary-key attributes (empty for singleton tables). */
    public List<String> primaryKey() {
        return visible.stream().filter(Attribute::inPrimaryKey).map(Attribute::name).toList();
    }

    /** Names of the visible secondary attributes. */
    public List<String> secondaryAttributes() {
        List<String> out = new ArrayList<>();
        visible.stream().filter(a -> !a.inPrimaryKey()).forEach(a -> out.add(a.name()));
        return out;
    }

    /** Whether a visible attribute has this name. */
    public boolean contains(String name) {
        Attribute a = all.get(name);
        return a != null && !a.hidden();
    }

    /** The visible attribute of this name, if any. */
    public Optional<Attribute> find(String name) {
        return contains(name) ? Optional.of(all.get(name)) : Optional.empty();
    }

    /**
     * The visible attribute of this name.
     *
     * @throws UnknownAttributeException when there is none
     */
    public Attribute attribute(String name) {
        return find(name).orElseThrow(() -> new UnknownAttributeException("Attribute `" + name
                + "` is not in the heading " + names()));
    }

    /** The table comment (empty for query results). */
    public String tableComment() {
        return tableComment;
    }

    /** Secondary indexes. */
    public List<Index> indexes() {
        return indexes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heading h && h.all.equals(all) && h.tableComment.equals(tableComment)
                && h.indexes.equals(indexes);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return "Heading" + names() + " primary key " + primaryKey();
    }
}
