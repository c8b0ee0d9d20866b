package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.SqlTextException;
import org.datajoint.UnknownAttributeException;
import org.datajoint.engine.internal.portable.PortableNames;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Reads ordering items ({@code name}, {@code name DESC}, {@code KEY}) and renders them. */
final class TopOrder {

    private TopOrder() {
    }

    /**
     * Checks one ordering item against the heading.
     *
     * @throws UnknownAttributeException when it names an attribute not in the heading
     * @throws SqlTextException when it is not an attribute name with an optional direction
     */
    static void check(QueryImpl query, String item) {
        Map.Entry<String, Boolean> m = PortableNames.orderItem(item);
        if (m == null) {
            throw new SqlTextException(item, 0, "an ordering item is an attribute name, optionally followed by ASC"
                    + " or DESC, or KEY");
        }
        String name = m.getKey();
        if (!name.equals("KEY") && !query.qheading().contains(name)) {
            throw new UnknownAttributeException("Cannot order by '" + name + "': it is not in the heading "
                    + query.qheading().names());
        }
    }

    static List<SortField<?>> sortFields(QueryImpl query, List<String> items) {
        List<SortField<?>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String item : items) {
            Map.Entry<String, Boolean> m = PortableNames.orderItem(item);
            boolean desc = m.getValue();
            List<String> names = m.getKey().equals("KEY") ? query.qheading().primaryKey() : List.of(m.getKey());
            for (String n : names) {
                if (seen.add(n)) {
                    out.add(sortField(query.qheading().get(n), desc));
                }
            }
        }
        return out;
    }

    private static SortField<?> sortField(QAttr a, boolean desc) {
        Field<Object> f = DSL.field(DSL.name(a.name()));
        SortField<Object> s = desc ? f.desc() : f.asc();
        if (a.inKey() || !a.meta().nullable() && !a.isComputed()) {
            return s;
        }
        return desc ? s.nullsLast() : s.nullsFirst();
    }
}
