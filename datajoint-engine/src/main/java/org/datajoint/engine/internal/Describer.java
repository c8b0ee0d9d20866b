package org.datajoint.engine.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.datajoint.Attribute;
import org.datajoint.ForeignKey;
import org.datajoint.Heading;
import org.datajoint.Index;
import org.datajoint.engine.internal.portable.PortableNames;

/** Writes a definition string that declares a table identical to an existing one. */
final class Describer {

    private Describer() {
    }

    static String describe(TableImpl table, Heading heading, List<ForeignKey> foreignKeys) {
        StringBuilder out = new StringBuilder();
        if (!heading.tableComment().isEmpty()) {
            out.append("# ").append(heading.tableComment()).append('\n');
        }
        Set<String> written = new HashSet<>();
        boolean inKey = true;
        for (Attribute a : heading.attributes()) {
            if (inKey && !a.inPrimaryKey()) {
                out.append("---\n");
                inKey = false;
            }
            if (written.contains(a.name())) {
                continue;
            }
            ForeignKey fk = foreignKeys.stream().filter(f -> f.attributes().containsKey(a.name())
                    && !written.containsAll(f.attributes().keySet())).findFirst().orElse(null);
            if (fk != null) {
                written.addAll(fk.attributes().keySet());
                out.append(reference(table, fk)).append('\n');
            } else {
                written.add(a.name());
                out.append(attribute(a)).append('\n');
            }
        }
        for (Index i : heading.indexes()) {
            boolean fromUniqueReference = i.unique() && foreignKeys.stream()
                    .anyMatch(f -> f.unique() && List.copyOf(f.attributes().keySet()).equals(i.attributes()));
            if (!fromUniqueReference) {
                out.append(i.unique() ? "unique " : "").append("index(").append(String.join(", ", i.attributes()))
                        .append(")\n");
            }
        }
        return out.toString();
    }

    private static String attribute(Attribute a) {
        StringBuilder line = new StringBuilder(a.name());
        if (a.nullable()) {
            line.append(" = null");
        } else if (a.defaultValue() != null) {
            line.append(" = ").append(a.defaultValue());
        }
        line.append(" : ").append(a.autoIncrement() ? generatedType(a) : a.type());
        if (!a.comment().isEmpty()) {
            line.append("  # ").append(a.comment());
        }
        return line.toString();
    }

    /**
     * The native type that declares a generated attribute on either backend: the server's integer
     * type in MySQL's spelling ({@code int}, {@code bigint unsigned}) with {@code auto_increment}.
     */
    private static String generatedType(Attribute a) {
        String type = a.sqlType().toLowerCase(java.util.Locale.ROOT).replaceFirst("^integer\\b", "int");
        return type + " auto_increment";
    }

    private static String reference(TableImpl child, ForeignKey fk) {
        String[] parent = PortableNames.splitFullName(fk.parent());
        String name = TableNaming.className(parent[1]);
        if (!parent[0].equals(child.schemaName())) {
            name = parent[0] + "." + name;
        }
        StringJoiner options = new StringJoiner(", ", "[", "] ");
        options.setEmptyValue("");
        if (fk.nullable() && !fk.primary()) {
            options.add("nullable");
        }
        if (fk.unique()) {
            options.add("unique");
        }
        StringBuilder line = new StringBuilder("-> ").append(options).append(name);
        if (fk.renamed()) {
            StringJoiner renames = new StringJoiner(", ", ".proj(", ")");
            for (Map.Entry<String, String> e : fk.attributes().entrySet()) {
                if (!e.getKey().equals(e.getValue())) {
                    renames.add(e.getKey() + "='" + e.getValue() + "'");
                }
            }
            line.append(renames);
        }
        return line.toString();
    }
}
