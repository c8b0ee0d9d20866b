package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.Heading;
import org.datajoint.InsertOptions;
import org.datajoint.UnknownAttributeException;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/** Inserting rows into a table and fetching its rows, with values converted by their DataJoint types. */
final class Rows {

    private static final int BATCH = 1000;

    private Rows() {
    }

    static void insert(TableImpl table, Iterable<?> rows, InsertOptions options) {
        if (table.tier().isAutoPopulated() && !options.isAllowDirectInsert()) {
            throw new DataJointException("Inserts into " + table.tier() + " table " + table.className()
                    + " are made by populate(); pass InsertOptions.defaults().withAllowDirectInsert() to insert directly");
        }
        ConnectionImpl connection = table.instanceConnection();
        Heading heading = table.heading();
        boolean uuidAsBinary = connection.dialect().uuidAsBinary();
        connection.transaction(tx -> {
            List<Map<String, ?>> batch = new ArrayList<>();
            List<String> columns = null;
            for (Object given : rows) {
                Map<String, ?> row = RowShapes.toMap(given);
                List<String> names = names(table, heading, row, options);
                checkRequired(table, heading, row);
                if (columns != null && (!columns.equals(names) || batch.size() >= BATCH)) {
                    flush(table, columns, batch, options, heading, uuidAsBinary);
                    batch.clear();
                }
                columns = names;
                batch.add(row);
            }
            if (!batch.isEmpty()) {
                flush(table, columns, batch, options, heading, uuidAsBinary);
            }
            return null;
        });
    }

    private static void checkRequired(TableImpl table, Heading heading, Map<String, ?> row) {
        for (Attribute a : heading.attributes()) {
            if (!a.nullable() && a.defaultValue() == null && !row.containsKey(a.name())) {
                throw new DataJointException("Row for " + table.className() + " lacks the required attribute '"
                        + a.name() + "' (" + a.type() + ", no default): " + row.keySet());
            }
        }
    }

    private static List<String> names(TableImpl table, Heading heading, Map<String, ?> row, InsertOptions options) {
        List<String> names = new ArrayList<>();
        for (String key : row.keySet()) {
            if (heading.contains(key)) {
                names.add(key);
            } else if (!options.isIgnoreExtraFields()) {
                throw new UnknownAttributeException("'" + key + "' is not an attribute of " + table.fullTableName()
                        + " " + heading.names() + "; pass InsertOptions.ignoreExtraFields() to drop extra keys");
            }
        }
        return names;
    }

    private static void flush(TableImpl table, List<String> columns, List<Map<String, ?>> batch, InsertOptions options,
            Heading heading, boolean uuidAsBinary) {
        ConnectionImpl connection = table.instanceConnection();
        List<Field<Object>> fields = columns.stream().map(c -> DSL.field(DSL.name(c))).toList();
        InsertValuesStepN<?> insert = connection.serverRenderer()
                .insertInto(DSL.table(DSL.name(table.schemaName(), table.tableName())), fields)
                .values(columns.stream().map(c -> (Object) null).toList());
        Query query = insert;
        if (options.isSkipDuplicates()) {
            query = insert.onDuplicateKeyIgnore();
        } else if (options.isReplace()) {
            List<Field<Object>> key = heading.primaryKey().stream().map(k -> DSL.field(DSL.name(k))).toList();
            List<Field<Object>> secondary = fields.stream().filter(f -> !heading.primaryKey().contains(f.getName()))
                    .toList();
            Map<Field<?>, Object> updates = new LinkedHashMap<>();
            secondary.forEach(f -> updates.put(f, DSL.excluded(f)));
            query = updates.isEmpty() ? insert.onConflict(key).doNothing() : insert.onConflict(key).doUpdate().set(updates);
        }
        String sql = query.getSQL(ParamType.INDEXED);
        List<ValueCodec> codecs = columns.stream().map(c -> new ValueCodec(heading.attribute(c), uuidAsBinary)).toList();
        connection.run(sql, jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                for (Map<String, ?> row : batch) {
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setObject(i + 1, bindable(connection, codecs.get(i), row.get(columns.get(i))));
                    }
                    ps.addBatch();
                }
                connection.countStatements(1);
                ps.executeBatch();
            }
            return null;
        });
    }

    static void insertCsv(TableImpl table, java.nio.file.Path csv, InsertOptions options) {
        Heading heading = table.heading();
        insert(table, CsvRows.read(csv, name -> heading.find(name).map(Rows::isText).orElse(true)), options);
    }

    private static boolean isText(Attribute a) {
        String t = a.type();
        return t.startsWith("varchar") || t.startsWith("char") || t.startsWith("enum") || t.endsWith("text");
    }

    static void update1(TableImpl table, Map<String, ?> row) {
        Heading heading = table.heading();
        names(table, heading, row, InsertOptions.defaults());
        List<String> key = heading.primaryKey();
        List<String> missing = key.stream().filter(k -> !row.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new DataJointException("update1 of " + table.className() + " needs the full primary key " + key
                    + "; missing " + missing);
        }
        List<String> changes = row.keySet().stream().filter(k -> !key.contains(k)).toList();
        if (changes.isEmpty()) {
            throw new DataJointException("update1 of " + table.className() + " names no secondary attribute to change;"
                    + " primary-key attributes " + key + " cannot be updated");
        }
        ConnectionImpl connection = table.instanceConnection();
        boolean uuidAsBinary = connection.dialect().uuidAsBinary();
        List<String> assignments = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String c : changes) {
            assignments.add(connection.renderer().render(DSL.name(c)) + " = ?");
            values.add(bindable(connection, new ValueCodec(heading.attribute(c), uuidAsBinary), row.get(c)));
        }
        for (String k : key) {
            conditions.add(connection.renderer().render(DSL.name(k)) + " = ?");
            values.add(bindable(connection, new ValueCodec(heading.attribute(k), uuidAsBinary), row.get(k)));
        }
        String sql = "UPDATE " + table.fullTableName() + " SET " + String.join(", ", assignments) + " WHERE "
                + String.join(" AND ", conditions);
        connection.transaction(tx -> {
            long n = connection.execute(sql, values.toArray());
            if (n == 0 && connection.query("SELECT 1 FROM " + table.fullTableName() + " WHERE "
                    + String.join(" AND ", conditions), values.subList(changes.size(), values.size()).toArray()).isEmpty()) {
                throw new DataJointException("update1 found no row of " + table.className() + " with key "
                        + key.stream().map(k -> k + "=" + row.get(k)).toList());
            }
            return n;
        });
    }

    private static Object bindable(ConnectionImpl connection, ValueCodec codec, Object value) {
        Object v = codec.toJdbc(value);
        return v == null || codec.coreType() == null ? v : connection.dialect().bindValue(codec.coreType(), v);
    }

    static String selectSql(TableImpl table) {
        return select(table, codecs(table, table.heading().attributes()));
    }

    private static List<ValueCodec> codecs(TableImpl table, List<Attribute> attributes) {
        return ValueCodec.of(attributes, table.instanceConnection().dialect().uuidAsBinary());
    }

    private static String select(TableImpl table, List<ValueCodec> codecs) {
        ConnectionImpl connection = table.instanceConnection();
        List<Field<?>> fields = new ArrayList<>();
        for (ValueCodec codec : codecs) {
            String name = codec.attribute().name();
            String column = connection.renderer().render(DSL.name(name));
            String expression = codec.coreType() == null ? column
                    : connection.dialect().selectColumn(codec.coreType(), column);
            fields.add(expression.equals(column) ? DSL.field(DSL.name(name)) : DSL.field(expression).as(DSL.name(name)));
        }
        return connection.serverRenderer().select(fields).from(DSL.table(DSL.name(table.schemaName(),
                table.tableName()))).getSQL(ParamType.INDEXED);
    }

    static List<Map<String, Object>> fetch(TableImpl table, List<Attribute> attributes) {
        ConnectionImpl connection = table.instanceConnection();
        List<ValueCodec> codecs = codecs(table, attributes);
        String sql = select(table, codecs);
        return connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = jdbc.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(ValueCodec.readRow(rs, codecs));
                }
                return out;
            }
        });
    }

    static java.util.stream.Stream<Map<String, Object>> stream(TableImpl table) {
        List<ValueCodec> codecs = codecs(table, table.heading().attributes());
        return RowStream.open(table.instanceConnection(), select(table, codecs), codecs);
    }

    static long count(TableImpl table) {
        ConnectionImpl connection = table.instanceConnection();
        String sql = connection.serverRenderer().selectCount().from(DSL.table(DSL.name(table.schemaName(),
                table.tableName()))).getSQL(ParamType.INDEXED);
        return ((Number) connection.query(sql).get(0).values().iterator().next()).longValue();
    }
}
