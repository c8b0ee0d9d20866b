package org.datajoint.engine.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.datajoint.Attribute;
import org.datajoint.Heading;
import org.datajoint.Index;
import org.jooq.impl.DSL;

/**
 * {@code replace} on a server without MySQL's {@code REPLACE}: before a batch goes in by plain
 * INSERT, every row that shares the primary key or the value of a unique index with a row of the
 * batch is deleted, and a row of the batch that a later row of the same insert would replace is
 * left out. That is what {@code REPLACE} does row by row. A key column the rows leave out takes its
 * default: a literal default counts as that value, {@code null} and generated values conflict with
 * nothing.
 */
final class Replacement {

    /** One column of a unique key: its position in the inserted row, or the constant it takes by default. */
    private record Part(String column, int position, Object constant) {
    }

    private final ConnectionImpl connection;
    private final List<List<Part>> keys;
    private final String delete;

    private Replacement(ConnectionImpl connection, List<List<Part>> keys, String delete) {
        this.connection = connection;
        this.keys = keys;
        this.delete = delete;
    }

    /** The replacement for rows that give values for {@code columns}, in that order. */
    static Replacement of(TableImpl table, Heading heading, List<String> columns) {
        ConnectionImpl connection = table.instanceConnection();
        List<List<String>> unique = new ArrayList<>();
        unique.add(heading.allAttributes().stream().filter(Attribute::inPrimaryKey).map(Attribute::name).toList());
        heading.indexes().stream().filter(Index::unique).map(Index::attributes).forEach(unique::add);
        List<List<Part>> keys = new ArrayList<>();
        StringJoiner where = new StringJoiner(" OR ");
        for (List<String> key : unique) {
            List<Part> parts = parts(heading, columns, key);
            if (parts != null && !parts.isEmpty()) {
                keys.add(parts);
                StringJoiner all = new StringJoiner(" AND ", "(", ")");
                parts.forEach(p -> all.add(connection.renderer().render(DSL.name(p.column())) + " = ?"));
                where.add(all.toString());
            }
        }
        String delete = keys.isEmpty() ? null : "DELETE FROM " + table.fullTableName() + " WHERE " + where;
        return new Replacement(connection, keys, delete);
    }

    /** The parts of a key, or {@code null} when rows of this shape cannot conflict on it. */
    private static List<Part> parts(Heading heading, List<String> columns, List<String> key) {
        List<Part> parts = new ArrayList<>();
        for (String column : key) {
            int position = columns.indexOf(column);
            if (position >= 0) {
                parts.add(new Part(column, position, null));
                continue;
            }
            Attribute a = heading.allAttributes().stream().filter(x -> x.name().equals(column)).findFirst().orElse(null);
            Object constant = a == null || a.autoIncrement() ? null : literal(a.defaultValue());
            if (constant == null) {
                return null;
            }
            parts.add(new Part(column, -1, constant));
        }
        return parts;
    }

    /** A default written as a number, a quoted string or a boolean, as a value; anything else {@code null}. */
    private static Object literal(String text) {
        if (text == null) {
            return null;
        }
        String d = text.strip();
        if (d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(d);
        }
        if (d.length() >= 2 && (d.startsWith("'") && d.endsWith("'") || d.startsWith("\"") && d.endsWith("\""))) {
            return Literals.unquote(d);
        }
        return d.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") ? new BigDecimal(d) : null;
    }

    /**
     * Leaves out the rows a later row replaces and deletes the stored rows the others replace.
     *
     * @param rows converted values of the inserted columns, in insert order
     * @return the rows to insert, in insert order
     */
    List<Object[]> clear(List<Object[]> rows) {
        if (delete == null) {
            return rows;
        }
        List<Set<List<Object>>> later = new ArrayList<>();
        keys.forEach(k -> later.add(new HashSet<>()));
        boolean[] keep = new boolean[rows.size()];
        for (int r = rows.size() - 1; r >= 0; r--) {
            keep[r] = true;
            for (int k = 0; k < keys.size(); k++) {
                List<Object> value = value(keys.get(k), rows.get(r));
                if (value != null && !later.get(k).add(value)) {
                    keep[r] = false;
                }
            }
        }
        List<Object[]> kept = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (keep[r]) {
                kept.add(rows.get(r));
            }
        }
        deleteStored(kept);
        return kept;
    }

    /** A row's value of a key, comparable by {@code equals}; {@code null} when part of it is null. */
    private static List<Object> value(List<Part> key, Object[] row) {
        List<Object> out = new ArrayList<>(key.size());
        for (Part p : key) {
            Object v = p.position() >= 0 ? row[p.position()] : p.constant();
            if (v == null) {
                return null;
            }
            out.add(v instanceof BigDecimal d ? d.stripTrailingZeros() : v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
        }
        return out;
    }

    private void deleteStored(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        connection.run(delete, jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(delete)) {
                PreparedStatement driver = ps.unwrap(PreparedStatement.class);
                for (Object[] row : rows) {
                    int i = 1;
                    for (List<Part> key : keys) {
                        for (Part p : key) {
                            ValueCodec.bind(driver, i++, p.position() >= 0 ? row[p.position()] : p.constant());
                        }
                    }
                    ps.addBatch();
                }
                connection.countStatements(1);
                ps.executeBatch();
            }
            return null;
        });
    }
}
