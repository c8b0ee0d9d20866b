package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.IntegrityException;
import org.datajoint.engine.internal.Dependencies.Edge;
import org.datajoint.engine.internal.Dependencies.Node;
import org.jooq.impl.DSL;

/**
 * The error of a cascade delete that the server stopped because rows outside the plan still
 * reference the rows being deleted: it names the parent and the referencing table, which it
 * reads from the server's message, in the dialect's identifier quoting: a qualified name when
 * the server gives one, else the last quoted name (the referencing table), whose schema is then
 * looked up. It says why the table was not covered.
 */
final class DeleteBlocked {

    private DeleteBlocked() {
    }

    static IntegrityException of(DiagramImpl d, Node parent, IntegrityException e) {
        java.sql.SQLException sql = Errors.findSqlException(e);
        String server = sql != null && sql.getMessage() != null ? sql.getMessage() : e.getMessage();
        String q = d.instance().connectionImpl().renderer().render(DSL.name("x")).substring(0, 1);
        String name = Pattern.quote(q) + "((?:" + Pattern.quote(q + q) + "|(?!" + Pattern.quote(q) + ").)+)"
                + Pattern.quote(q);
        Matcher qualified = Pattern.compile(name + "\\." + name).matcher(server);
        Optional<Node> child;
        List<String> hidden = List.of();
        String table = null;
        if (qualified.find()) {
            child = Optional.of(new Node(unquote(qualified.group(1), q), unquote(qualified.group(2), q)));
        } else {
            Matcher single = Pattern.compile(name).matcher(server);
            while (single.find()) {
                table = unquote(single.group(1), q);
            }
            child = table == null ? Optional.empty() : inGraph(d, parent, table);
            if (child.isEmpty()) {
                List<String> candidates = referencingSchemas(d, parent);
                child = table == null ? Optional.empty() : visible(d, candidates, table);
                if (child.isEmpty()) {
                    hidden = candidates.stream().filter(s -> !s.equals(parent.schema())).toList();
                }
            }
        }
        String reason;
        String where;
        if (child.isPresent()) {
            Node c = child.get();
            where = d.fullName(c);
            boolean seen = visible(d, List.of(c.schema()), c.table()).isPresent();
            reason = d.isRestricted(c) ? "rows referencing them were added to " + where + " while the delete ran"
                    : !seen ? where + " is in schema " + quote(d, c.schema()) + ", which this user cannot see; ask"
                    + " for privileges on it, or have its rows deleted first"
                    : where + " was not in the plan: it or its rows were added after the cascade was planned";
        } else if (!hidden.isEmpty()) {
            where = (table == null ? "a table" : "table \"" + table + "\"") + " in schema "
                    + String.join(" or ", hidden.stream().map(s -> quote(d, s)).toList());
            reason = "that schema cannot be seen by this user; ask for privileges on it, or have its rows deleted"
                    + " first";
        } else {
            where = table == null ? "a table this user cannot see" : "table \"" + table + "\"";
            reason = "it was not in the plan (added after the cascade was planned, or hidden from this user by its"
                    + " privileges)";
        }
        return new IntegrityException("Cannot delete from " + d.fullName(parent) + ": rows of " + where
                + " still reference the rows being deleted; " + reason + ". Nothing was deleted; plan the delete"
                + " again and retry. Server said: " + e.getMessage(), e);
    }

    private static String unquote(String quoted, String q) {
        return quoted.replace(q + q, q);
    }

    private static Optional<Node> inGraph(DiagramImpl d, Node parent, String table) {
        List<Node> children = new ArrayList<>();
        for (Edge edge : d.instance().catalog().dependencies().childEdges(parent)) {
            if (edge.child().table().equals(table) && !children.contains(edge.child())) {
                children.add(edge.child());
            }
        }
        return children.stream().filter(n -> n.schema().equals(parent.schema())).findFirst()
                .or(() -> children.stream().findFirst());
    }

    /** The parent's schema and every schema whose tables reference it, as the server's catalog lists them. */
    private static List<String> referencingSchemas(DiagramImpl d, Node parent) {
        ConnectionImpl connection = d.instance().connectionImpl();
        List<String> out = new ArrayList<>(List.of(parent.schema()));
        try {
            out.addAll(connection.run("(schemas referencing " + parent.schema() + ")",
                    jdbc -> connection.dialect().referencingSchemas(jdbc, List.of(parent.schema()))));
        } catch (RuntimeException ignored) {
            // the server would not say (an aborted transaction still open): name the table alone
        }
        return out;
    }

    private static Optional<Node> visible(DiagramImpl d, List<String> schemas, String table) {
        ConnectionImpl connection = d.instance().connectionImpl();
        for (String schema : schemas) {
            try {
                List<Map<String, Object>> rows = connection.query("SELECT 1 FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_name = ?", schema, table);
                if (!rows.isEmpty()) {
                    return Optional.of(new Node(schema, table));
                }
            } catch (RuntimeException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String quote(DiagramImpl d, String schema) {
        return d.instance().connectionImpl().renderer().render(DSL.name(schema));
    }
}
