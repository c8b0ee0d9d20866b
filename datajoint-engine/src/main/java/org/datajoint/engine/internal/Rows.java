package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.Heading;
import org.datajoint.InsertOptions;
import org.datajoint.UnknownAttributeException;
import org.datajoint.engine.spi.ErrorKind;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/** Inserting rows into a table and fetching its rows, with values converted by their DataJoint types. */
final class Rows {

    private Rows() {
    }

    static void insert(TableImpl table, Iterable<?> rows, InsertOptions options) {
        checkDirectInsert(table, options);
        ConnectionImpl connection = table.instanceConnection();
        Heading heading = table.heading();
        try {
            connection.write(tx -> {
                java.util.Iterator<?> it = rows.iterator();
                try {
                    insertAll(table, it, options, heading);
                } finally {
                    if (it instanceof java.io.Closeable c) {
                        c.close();
                    }
                }
                return null;
            });
        } catch (org.datajoint.IntegrityException e) {
            throw replaceOfReferencedRow(table, options, e);
        }
    }

    /** A replace refused because it would delete a row that others reference, said so; else {@code e} itself. */
    private static org.datajoint.IntegrityException replaceOfReferencedRow(TableImpl table, InsertOptions options,
            org.datajoint.IntegrityException e) {
        ConnectionImpl connection = table.instanceConnection();
        if (!options.isReplace() || Errors.classify(connection.dialect(), e) != ErrorKind.ROW_REFERENCED) {
            return e;
        }
        return new org.datajoint.IntegrityException("A replace into " + table.className() + " " + table.fullTableName()
                + " would delete a row that rows of another table reference; replace deletes every row that shares"
                + " the primary key or a unique value with a new row, and a referenced row cannot be deleted. Change"
                + " the attributes of a referenced row with update1 instead. Server said: " + e.getMessage(), e);
    }

    private static void insertAll(TableImpl table, java.util.Iterator<?> rows, InsertOptions options, Heading heading) {
        RowSender sender = new RowSender(table, options, heading);
        List<String> columns = null;
        List<String> defaulted = defaulted(heading);
        while (rows.hasNext()) {
            Map<String, ?> row = withoutNullDefaults(RowShapes.toMap(rows.next()), defaulted);
            Object[] values = columns == null ? null : valuesInOrder(row, columns);
            if (values == null) {
                columns = names(table, heading, row, options);
                checkRequired(table, heading, row);
                values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(columns.get(i));
                }
            }
            sender.add(columns, values);
        }
        sender.finish();
    }

    /** The attributes with a default other than {@code null}, or whose values the server generates. */
    private static List<String> defaulted(Heading heading) {
        return heading.attributes().stream().filter(a -> hasDefault(a) || a.autoIncrement()).map(Attribute::name)
                .toList();
    }

    private static boolean hasDefault(Attribute a) {
        return a.defaultValue() != null && !a.defaultValue().equalsIgnoreCase("null");
    }

    /** Whether an insert must give the attribute a value: it has no default and the server does not generate it. */
    private static boolean required(Attribute a) {
        return !a.nullable() && a.defaultValue() == null && !a.autoIncrement();
    }

    /**
     * The row without its {@code null} values of attributes that have a default or a generated
     * value: as in DataJoint, {@code null} stands for the attribute's default.
     */
    private static Map<String, ?> withoutNullDefaults(Map<String, ?> row, List<String> defaulted) {
        Map<String, Object> copy = null;
        for (String name : defaulted) {
            if (row.get(name) == null && row.containsKey(name)) {
                if (copy == null) {
                    copy = new LinkedHashMap<>(row);
                }
                copy.remove(name);
            }
        }
        return copy == null ? row : copy;
    }

    private static void checkDirectInsert(TableImpl table, InsertOptions options) {
        if (table.tier().isAutoPopulated() && !options.isAllowDirectInsert()) {
            throw new DataJointException("Inserts into " + table.tier() + " table " + table.className()
                    + " are made by populate(); pass InsertOptions.defaults().withAllowDirectInsert() to insert directly");
        }
    }

    private static void checkRequired(TableImpl table, Heading heading, Map<String, ?> row) {
        for (Attribute a : heading.attributes()) {
            if (required(a) && !row.containsKey(a.name())) {
                throw new DataJointException("Row for " + table.className() + " lacks the required attribute '"
                        + a.name() + "' (" + a.type() + ", no default): " + row.keySet());
            }
        }
    }

    /**
     * The row's values in the order of {@code columns} when it has exactly those keys in that
     * order, else {@code null}: then it passes the checks the previous row passed. Rows built alike
     * iterate their keys alike, so this is one pass of reference comparisons for most rows.
     */
    private static Object[] valuesInOrder(Map<String, ?> row, List<String> columns) {
        if (row.size() != columns.size()) {
            return null;
        }
        Object[] values = new Object[columns.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : row.entrySet()) {
            String key = e.getKey();
            String column = columns.get(i);
            if (key != column && !key.equals(column)) {
                return null;
            }
            values[i++] = e.getValue();
        }
        return values;
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
        if (!table.restriction.isEmpty()) {
            throw new DataJointException("update1 of " + table.className() + " is called on a restricted table;"
                    + " call it on the table itself with the row's full primary key");
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
            String column = connection.renderer().render(DSL.name(c));
            if (row.get(c) == null && hasDefault(heading.attribute(c))) {
                assignments.add(column + " = DEFAULT");
            } else {
                assignments.add(column + " = ?");
                values.add(storable(connection, new ValueCodec(heading.attribute(c), uuidAsBinary), row.get(c)));
            }
        }
        for (String k : key) {
            conditions.add(connection.renderer().render(DSL.name(k)) + " = ?");
            values.add(bindable(connection, new ValueCodec(heading.attribute(k), uuidAsBinary), row.get(k)));
        }
        String sql = "UPDATE " + table.fullTableName() + " SET " + String.join(", ", assignments) + " WHERE "
                + String.join(" AND ", conditions);
        connection.write(tx -> {
            long n = connection.execute(sql, values.toArray());
            if (n == 0 && connection.query("SELECT 1 FROM " + table.fullTableName() + " WHERE "
                    + String.join(" AND ", conditions), values.subList(values.size() - key.size(), values.size()).toArray()).isEmpty()) {
                throw new DataJointException("update1 found no row of " + table.className() + " with key "
                        + key.stream().map(k -> k + "=" + row.get(k)).toList());
            }
            return n;
        });
    }

    /** A value to compare with, converted as the attribute's type is bound. */
    static Object bindable(ConnectionImpl connection, ValueCodec codec, Object value) {
        Object v = codec.toJdbc(value);
        return v == null || codec.coreType() == null ? v : connection.dialect().bindValue(codec.coreType(), v);
    }

    /** A value to store, converted as the attribute's type is bound; a decimal must fit its scale. */
    static Object storable(ConnectionImpl connection, ValueCodec codec, Object value) {
        Object v = codec.toStored(value);
        return v == null || codec.coreType() == null ? v : connection.dialect().bindValue(codec.coreType(), v);
    }

    /** Runs a rendered query and reads every row. */
    static List<Map<String, Object>> fetch(ConnectionImpl connection, QueryImpl.Statement st) {
        return fetch(connection, st, rs -> ValueCodec.readRow(rs, st.codecs()));
    }

    /** Reads the current row of a result set as one value. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a rendered query and reads every row with {@code reader}, from the driver's own result
     * set: the pool's wrapper, which closes it, would add a call to each value read.
     */
    static <T> List<T> fetch(ConnectionImpl connection, QueryImpl.Statement st, RowReader<T> reader) {
        return connection.run(st.sql(), jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = prepare(jdbc, st.sql(), st.values()); ResultSet pooled = ps.executeQuery()) {
                ResultSet rs = pooled.unwrap(ResultSet.class);
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        });
    }

    /** Runs a rendered query and reads its values column by column. */
    static Map<String, List<Object>> columns(ConnectionImpl connection, QueryImpl.Statement st) {
        return connection.run(st.sql(), jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = prepare(jdbc, st.sql(), st.values()); ResultSet pooled = ps.executeQuery()) {
                ResultSet rs = pooled.unwrap(ResultSet.class);
                List<ValueCodec> codecs = st.codecs();
                List<List<Object>> lists = new ArrayList<>();
                codecs.forEach(c -> lists.add(new ArrayList<>()));
                while (rs.next()) {
                    for (int i = 0; i < codecs.size(); i++) {
                        lists.get(i).add(codecs.get(i).fromJdbc(rs, i + 1));
                    }
                }
                Map<String, List<Object>> out = new LinkedHashMap<>();
                for (int i = 0; i < codecs.size(); i++) {
                    out.put(codecs.get(i).outputName(), java.util.Collections.unmodifiableList(lists.get(i)));
                }
                return out;
            }
        });
    }

    /** Runs a query whose first column of its one row is a count. */
    static long count(ConnectionImpl connection, String sql, List<Object> values) {
        return connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = prepare(jdbc, sql, values); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    static PreparedStatement prepare(java.sql.Connection jdbc, String sql, List<Object> values) throws SQLException {
        PreparedStatement ps = jdbc.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * {@code INSERT INTO table (attributes of rows) SELECT ...}, in one statement; a replace on a
     * server without {@code REPLACE} fetches the rows and inserts them as rows, in their order.
     */
    static void insertQuery(TableImpl table, QueryImpl rows, InsertOptions options) {
        checkDirectInsert(table, options);
        if (options.isReplace() && !table.instanceConnection().dialect().replacesConflictingRows()) {
            insert(table, rows.toDicts(), options);
            return;
        }
        try {
            insertSelect(table, rows, options);
        } catch (org.datajoint.IntegrityException e) {
            throw replaceOfReferencedRow(table, options, e);
        }
    }

    /**
     * INSERT ... SELECT of a platform table (a jobs queue), duplicates skipped; the rows added.
     * {@code rows} must leave out the keys already present, so that a duplicate only comes from
     * another process adding the same key meanwhile: the plain insert goes first, and the one that
     * skips duplicates, which costs PostgreSQL a speculative insertion per row, only after such a
     * race, a duplicate or a deadlock (InnoDB locks the gaps the anti-join reads); the statement is
     * its own transaction, so it is simply run again. Inside a transaction, where a failed statement
     * would end it, duplicates are skipped at once.
     */
    static long insertQueryCounted(TableImpl table, QueryImpl rows) {
        ConnectionImpl connection = table.instanceConnection();
        if (connection.inTransaction()) {
            return insertSelect(table, rows, InsertOptions.skipDuplicates());
        }
        InsertOptions options = InsertOptions.defaults();
        for (int attempt = 1; ; attempt++) {
            try {
                return insertSelect(table, rows, options);
            } catch (org.datajoint.DuplicateKeyException | org.datajoint.TransactionConflictException e) {
                if (attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
                options = InsertOptions.skipDuplicates();
            }
        }
    }

    /** How many times a platform INSERT ... SELECT that raced another process is tried in all. */
    private static final int RACE_ATTEMPTS = 5;

    private static long insertSelect(TableImpl table, QueryImpl rows, InsertOptions options) {
        Heading heading = table.heading();
        List<String> names = new ArrayList<>();
        for (String n : rows.qheading().names()) {
            if (heading.contains(n)) {
                names.add(n);
            } else if (!options.isIgnoreExtraFields()) {
                throw new UnknownAttributeException("'" + n + "' is not an attribute of " + table.fullTableName()
                        + " " + heading.names() + "; project it away or pass InsertOptions.ignoreExtraFields()");
            }
        }
        for (Attribute a : heading.attributes()) {
            if (required(a) && !names.contains(a.name())) {
                throw new DataJointException("The query inserted into " + table.className() + " lacks the required"
                        + " attribute '" + a.name() + "' (" + a.type() + ", no default): " + rows.qheading().names());
            }
        }
        ConnectionImpl connection = table.instanceConnection();
        Render r = new Render(connection.serverRenderer());
        List<Field<Object>> fields = names.stream().map(c -> DSL.field(DSL.name(c))).toList();
        var insert = r.dsl().insertInto(DSL.table(DSL.name(table.schemaName(), table.tableName())), fields)
                .select((org.jooq.Select) rows.select(r, names, false));
        Query query = RowSender.upsert(table, insert, options, heading);
        String sql = RowSender.sql(table, query, options);
        List<Object> values = query.getBindValues();
        return connection.write(tx -> connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = prepare(jdbc, sql, values)) {
                return (long) ps.executeUpdate();
            }
        }));
    }
}
