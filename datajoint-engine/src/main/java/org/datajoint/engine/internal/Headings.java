package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datajoint.Attribute;
import org.datajoint.Heading;
import org.datajoint.Index;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CatalogForeignKey;
import org.datajoint.engine.spi.CatalogIndex;
import org.datajoint.engine.spi.CatalogTable;
import org.datajoint.engine.spi.CoreType;
import org.datajoint.engine.spi.Dialect;

/** Builds headings from the catalog alone: DataJoint types come from {@code :type:} comments, else from the server type. */
final class Headings {

    private Headings() {
    }

    /** A column comment split into the stored DataJoint type (or {@code null}) and the user's comment. */
    record TypedComment(String type, String comment) {
        static TypedComment parse(String raw) {
            if (raw != null && raw.startsWith(":")) {
                int end = raw.indexOf(':', 1);
                if (end > 1) {
                    return new TypedComment(raw.substring(1, end), raw.substring(end + 1));
                }
            }
            return new TypedComment(null, raw == null ? "" : raw);
        }
    }

    static Heading of(CatalogTable table, Dialect dialect) {
        Set<String> pk = new HashSet<>(table.primaryKey());
        List<Attribute> attributes = new ArrayList<>();
        for (CatalogColumn c : table.columns()) {
            TypedComment tc = TypedComment.parse(c.comment());
            String type = tc.type();
            if (type == null) {
                CoreType core = dialect.coreTypeOf(c);
                type = core != null ? core.text() : c.sqlType();
            }
            String def = c.defaultValue() == null && c.nullable() ? "null" : c.defaultValue();
            attributes.add(new Attribute(c.name(), type, c.sqlType(), pk.contains(c.name()), c.nullable(), def,
                    tc.comment(), c.name().startsWith("_"), c.autoIncrement()));
        }
        attributes.sort((a, b) -> Boolean.compare(b.inPrimaryKey(), a.inPrimaryKey()));
        return new Heading(attributes, table.comment(), userIndexes(table));
    }

    /** Secondary indexes, without those that only back a foreign key (servers create them implicitly). */
    static List<Index> userIndexes(CatalogTable table) {
        List<Index> out = new ArrayList<>();
        for (CatalogIndex i : table.indexes()) {
            boolean backsForeignKey = !i.unique() && table.foreignKeys().stream()
                    .map(CatalogForeignKey::columns).anyMatch(cols -> cols.equals(i.columns()));
            if (!backsForeignKey) {
                out.add(new Index(i.columns(), i.unique()));
            }
        }
        return out;
    }
}
