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
import org.datajoint.engine.spi.CoreType;
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

    static void insert(TableImpl table, Iterable<? extends Map<String, ?>> rows, InsertOptions options) {
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
            for (Map<String, ?> row : rows) {
                List<String> names = names(table, heading, row, options);
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
        Query query = options.isSkipDuplicates() ? insert.onDuplicateKeyIgnore() : insert;
        String sql = query.getSQL(ParamType.INDEXED);
        List<ValueCodec> codecs = columns.stream().map(c -> new ValueCodec(heading.attribute(c), uuidAsBinary)).toList();
        List<CoreType> types = codecs.stream().map(ValueCodec::coreType).toList();
        connection.run(sql, jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                for (Map<String, ?> row : batch) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = codecs.get(i).toJdbc(row.get(columns.get(i)));
                        ps.setObject(i + 1, types.get(i) == null || value == null ? value
                                : connection.dialect().bindValue(types.get(i), value));
                    }
                    ps.addBatch();
                }
                connection.countStatements(1);
                ps.executeBatch();
            }
            return null;
        });
    }

    static String selectSql(TableImpl table) {
        return select(table, table.heading().attributes());
    }

    private static String select(TableImpl table, List<Attribute> attributes) {
        ConnectionImpl connection = table.instanceConnection();
        boolean uuidAsBinary = connection.dialect().uuidAsBinary();
        List<Field<?>> fields = new ArrayList<>();
        for (Attribute a : attributes) {
            String column = connection.renderer().render(DSL.name(a.name()));
            CoreType core = new ValueCodec(a, uuidAsBinary).coreType();
            String expression = core == null ? column : connection.dialect().selectColumn(core, column);
            fields.add(expression.equals(column) ? DSL.field(DSL.name(a.name()))
                    : DSL.field(expression).as(DSL.name(a.name())));
        }
        return connection.serverRenderer().select(fields).from(DSL.table(DSL.name(table.schemaName(),
                table.tableName()))).getSQL(ParamType.INDEXED);
    }

    static List<Map<String, Object>> fetch(TableImpl table, List<Attribute> attributes) {
        ConnectionImpl connection = table.instanceConnection();
        List<ValueCodec> codecs = ValueCodec.of(attributes, connection.dialect().uuidAsBinary());
        String sql = select(table, attributes);
        return connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = jdbc.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < codecs.size(); i++) {
                        row.put(codecs.get(i).attribute().name(), codecs.get(i).fromJdbc(rs, i + 1));
                    }
                    out.add(row);
                }
                return out;
            }
        });
    }

    static long count(TableImpl table) {
        ConnectionImpl connection = table.instanceConnection();
        String sql = connection.serverRenderer().selectCount().from(DSL.table(DSL.name(table.schemaName(),
                table.tableName()))).getSQL(ParamType.INDEXED);
        return ((Number) connection.query(sql).get(0).values().iterator().next()).longValue();
    }
}
