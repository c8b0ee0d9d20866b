package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.datajoint.DefinitionException;
import org.datajoint.SqlTextException;
import org.datajoint.engine.internal.definition.TableDefinition.IndexLine;
import org.datajoint.engine.internal.portable.PortableSql;
import org.datajoint.engine.spi.Dialect;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Renders the statements that create a planned table. Names and literals are rendered by jOOQ
 * for the target server; where comments and indexes go is the dialect's call.
 */
final class Ddl {

    private Ddl() {
    }

    /**
     * The statements of one declaration, in order.
     *
     * @param before what prepares the table (PostgreSQL's enum types)
     * @param create the {@code CREATE TABLE}
     * @param after what completes it (comments and indexes where they are separate statements)
     */
    record Script(List<String> before, String create, List<String> after) {
    }

    static Script statements(TableImpl table, String comment, List<DeclarationPlan.Column> columns,
            List<DeclarationPlan.Reference> references, List<IndexLine> indexes, List<String> preparation) {
        ConnectionImpl connection = table.instanceConnection();
        Dialect dialect = connection.dialect();
        DSLContext dsl = connection.renderer();
        String full = table.fullTableName();
        List<String> after = new ArrayList<>();
        StringJoiner body = new StringJoiner(",\n  ", "CREATE TABLE " + full + " (\n  ", "\n)");
        for (DeclarationPlan.Column c : columns) {
            StringBuilder col = new StringBuilder(name(dsl, c.name())).append(' ').append(c.sqlType());
            col.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultValue() != null) {
                col.append(" DEFAULT ").append(defaultSql(dsl, c));
            }
            String stored = c.core() != null ? ":" + c.type() + ":" + nullToEmpty(c.comment()) : nullToEmpty(c.comment());
            if (dialect.inlineComments()) {
                col.append(" COMMENT ").append(literal(dsl, stored));
            } else if (!stored.isEmpty()) {
                after.add("COMMENT ON COLUMN " + full + "." + name(dsl, c.name()) + " IS " + literal(dsl, stored));
            }
            body.add(col);
        }
        body.add("PRIMARY KEY (" + names(dsl, columns.stream().filter(DeclarationPlan.Column::inPrimaryKey)
                .map(DeclarationPlan.Column::name).toList()) + ")");
        for (DeclarationPlan.Reference r : references) {
            List<String> child = List.copyOf(r.attributes().keySet());
            body.add("FOREIGN KEY (" + names(dsl, child) + ") REFERENCES " + r.parent().fullTableName() + " ("
                    + names(dsl, List.copyOf(r.attributes().values())) + ") ON UPDATE CASCADE ON DELETE RESTRICT");
            if (r.unique()) {
                index(dsl, dialect, full, child, true, body, after);
            }
        }
        for (IndexLine i : indexes) {
            List<String> items = i.items().stream()
                    .map(item -> item.startsWith("(") ? expression(connection, columns, item, i) : checked(columns, item, i))
                    .toList();
            index(dsl, dialect, full, items, i.unique(), body, after);
        }
        String create = body.toString() + dialect.createTableOptions();
        if (dialect.inlineComments()) {
            create += " COMMENT=" + literal(dsl, nullToEmpty(comment));
        } else if (comment != null && !comment.isEmpty()) {
            after.add(0, "COMMENT ON TABLE " + full + " IS " + literal(dsl, comment));
        }
        return new Script(preparation.stream().distinct().toList(), create, List.copyOf(after));
    }

    private static String checked(List<DeclarationPlan.Column> columns, String item, IndexLine index) {
        if (columns.stream().noneMatch(c -> c.name().equals(item))) {
            throw new DefinitionException("line " + index.line() + ": index names '" + item
                    + "', which is not an attribute of the table");
        }
        return item;
    }

    /** An index expression, read as user SQL text over the table's attributes and written anew. */
    private static String expression(ConnectionImpl connection, List<DeclarationPlan.Column> columns, String item,
            IndexLine index) {
        Set<String> names = columns.stream().map(DeclarationPlan.Column::name).collect(Collectors.toSet());
        PortableSql.Result r;
        try {
            r = PortableSql.rewrite(item, new TextTarget(names::contains, connection));
        } catch (SqlTextException e) {
            throw new DefinitionException("line " + index.line() + ": the index expression " + item
                    + " is not one expression: " + e.getMessage(), e);
        }
        for (String used : r.columns()) {
            if (!names.contains(used)) {
                throw new DefinitionException("line " + index.line() + ": the index expression " + item + " names '"
                        + used + "', which is not an attribute of the table");
            }
        }
        return "(" + r.sql().strip() + ")";
    }

    private static void index(DSLContext dsl, Dialect dialect, String full, List<String> items, boolean unique,
            StringJoiner body, List<String> after) {
        String list = items.stream().map(i -> i.startsWith("(") ? i : name(dsl, i)).reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        if (dialect.inlineIndexes()) {
            body.add((unique ? "UNIQUE INDEX (" : "INDEX (") + list + ")");
        } else {
            after.add("CREATE " + (unique ? "UNIQUE INDEX" : "INDEX") + " ON " + full + " (" + list + ")");
        }
    }

    private static String defaultSql(DSLContext dsl, DeclarationPlan.Column c) {
        String d = c.defaultValue().strip();
        if (d.equalsIgnoreCase("null")) {
            return "NULL";
        }
        if (d.equalsIgnoreCase("CURRENT_TIMESTAMP")) {
            return "CURRENT_TIMESTAMP";
        }
        if (d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false")) {
            return dsl.render(DSL.inline(Boolean.parseBoolean(d)));
        }
        if (c.core() != null && c.core().name().equals("bool") && (d.equals("0") || d.equals("1"))) {
            return dsl.render(DSL.inline(d.equals("1")));
        }
        if ((d.startsWith("'") || d.startsWith("\"")) && Literals.isOneLiteral(d)) {
            return literal(dsl, Literals.unquote(d));
        }
        if (d.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return d;
        }
        throw new DefinitionException("attribute '" + c.name() + "': default " + d
                + " must be null, CURRENT_TIMESTAMP, a quoted string, a number, true or false");
    }

    static String literal(DSLContext dsl, String text) {
        return dsl.render(DSL.inline(text));
    }

    private static String name(DSLContext dsl, String name) {
        return dsl.render(DSL.name(name));
    }

    private static String names(DSLContext dsl, List<String> names) {
        return String.join(", ", names.stream().map(n -> name(dsl, n)).toList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
