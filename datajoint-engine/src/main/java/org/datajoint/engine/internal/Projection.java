package org.datajoint.engine.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DataJointException;
import org.datajoint.Proj;
import org.datajoint.UnknownAttributeException;
import org.jooq.impl.DSL;

/**
 * DataJoint's projection: keeps the primary key, keeps, drops, renames, duplicates and computes
 * attributes, and wraps its input as a derived table when a new attribute is built from another
 * new attribute or a restriction used a renamed one.
 */
final class Projection {

    private static final String CONSTANTS = "(?!(?i:null|true|false|current_date|current_time|current_timestamp)\\b)";
    /** An attribute name, in any script (as Python's {@code \\w} reads it): tables made elsewhere may have such names. */
    private static final String NAME = "([\\p{L}_][\\p{L}\\p{M}\\p{Nd}_]*)";
    private static final Pattern DUPLICATE = Pattern.compile("^\\s*\\(\\s*" + CONSTANTS + NAME + "\\s*\\)\\s*$");
    private static final Pattern RENAME = Pattern.compile("^\\s*" + CONSTANTS + NAME + "\\s*$");

    private Projection() {
    }

    static QueryImpl apply(QueryImpl query, Proj proj) {
        QHeading h = query.qheading();
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, String> duplicates = new LinkedHashMap<>();
        Map<String, String> computed = new LinkedHashMap<>();
        proj.named().forEach((name, expression) -> {
            Names.attribute(name);
            Matcher d = DUPLICATE.matcher(expression);
            Matcher r = RENAME.matcher(expression);
            if (d.matches()) {
                duplicates.put(name, d.group(1));
            } else if (r.matches()) {
                renames.put(name, r.group(1));
            } else {
                computed.put(name, expression);
            }
        });
        Set<String> keep = new LinkedHashSet<>(proj.kept());
        h.primaryKey().stream().filter(k -> !renames.containsValue(k)).forEach(keep::add);
        if (proj.keepsAll()) {
            h.secondary().stream().filter(a -> !renames.containsValue(a)).forEach(keep::add);
        }
        for (String x : proj.excluded()) {
            if (h.primaryKey().contains(x)) {
                throw new DataJointException("Cannot exclude primary-key attribute '" + x + "' in a projection;"
                        + " primary-key attributes may only be renamed");
            }
            keep.remove(x);
        }
        for (String a : keep) {
            known(h, a);
        }
        renames.values().forEach(a -> known(h, a));
        duplicates.values().forEach(a -> known(h, a));
        Set<String> all = new LinkedHashSet<>(keep);
        for (Map<String, String> m : List.of(renames, duplicates, computed)) {
            for (String n : m.keySet()) {
                if (!all.add(n)) {
                    throw new DataJointException("Attribute '" + n + "' already exists in the projection; choose"
                            + " another name");
                }
            }
        }
        Set<String> used = new LinkedHashSet<>();
        Map<String, String> rewritten = new LinkedHashMap<>();
        computed.forEach((n, e) -> rewritten.put(n, query.portable(e, used)));
        used.addAll(renames.values());
        used.addAll(duplicates.values());
        used.retainAll(h.names());
        boolean needSubquery = query instanceof UnionQuery || query.materializes()
                || used.stream().anyMatch(n -> h.get(n).expression() != null)
                || h.newAttributes().stream().anyMatch(query.restrictionAttributes::contains);
        QueryImpl result = needSubquery ? query.subquery() : query.copy();
        result.originalHeading = result.originalHeading();
        Map<String, String[]> named = new LinkedHashMap<>();
        renames.forEach((n, old) -> named.put(n, new String[] {old, expressionOf(result, old)}));
        duplicates.forEach((n, old) -> named.put(n, new String[] {old, expressionOf(result, old)}));
        QHeading selected = result.qheading().select(keep, named, rewritten);
        if (!duplicates.isEmpty()) {
            Set<String> dupNames = duplicates.keySet();
            selected = new QHeading(selected.attributes().stream()
                    .map(a -> dupNames.contains(a.name()) ? a.withKey(false) : a).toList(), selected.lineageAvailable());
        }
        result.setHeading(selected);
        return result;
    }

    private static String expressionOf(QueryImpl q, String attribute) {
        String e = q.qheading().get(attribute).expression();
        return e != null ? e : q.connection().renderer().render(DSL.name(attribute));
    }

    private static void known(QHeading h, String name) {
        if (!h.contains(name)) {
            throw new UnknownAttributeException("Attribute '" + name + "' is not in the heading " + h.names());
        }
    }
}
