package org.datajoint.engine.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.engine.spi.CoreType;
import org.datajoint.engine.spi.Dialect;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The {@code ~lineage} table of each schema: for every attribute of every table, the
 * {@code schema.table.attribute} where it was first defined, as DataJoint for Python writes it.
 */
final class Lineage {

    static final String TABLE = "~lineage";

    private Lineage() {
    }

    /** Lineage of a table's attributes from its schema's {@code ~lineage}; empty when that table is missing. */
    static Map<String, String> read(InstanceImpl instance, TableImpl table) {
        return instance.catalog().lineage(table.schemaName()).getOrDefault(table.tableName(), Map.of());
    }

    /** Every lineage row of a schema: table name to attribute name to lineage; one query. */
    static Map<String, Map<String, String>> readSchema(ConnectionImpl connection, String schema) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String sql = "SELECT table_name, attribute_name, lineage FROM "
                + connection.renderer().render(DSL.name(schema, TABLE));
        for (Map<String, Object> row : connection.query(sql)) {
            List<Object> values = List.copyOf(row.values());
            out.computeIfAbsent(values.get(0).toString(), k -> new LinkedHashMap<>())
                    .put(values.get(1).toString(), values.get(2).toString());
        }
        return out;
    }

    /** Replaces the lineage rows of a newly declared table. */
    static void write(InstanceImpl instance, TableImpl table, DeclarationPlan plan) {
        ConnectionImpl connection = instance.connectionImpl();
        Dialect dialect = connection.dialect();
        DSLContext dsl = connection.renderer();
        String full = full(instance, table.schemaName());
        String key = dialect.sqlType(new CoreType("varchar", List.of("64")), table.schemaName());
        String origin = dialect.sqlType(new CoreType("varchar", List.of("255")), table.schemaName());
        connection.execute("CREATE TABLE IF NOT EXISTS " + full + " (" + dsl.render(DSL.name("table_name")) + " " + key
                + " NOT NULL, " + dsl.render(DSL.name("attribute_name")) + " " + key + " NOT NULL, "
                + dsl.render(DSL.name("lineage")) + " " + origin + " NOT NULL, PRIMARY KEY ("
                + dsl.render(DSL.name("table_name")) + ", " + dsl.render(DSL.name("attribute_name")) + "))"
                + dialect.createTableOptions());
        connection.execute("DELETE FROM " + full + " WHERE table_name = ?", table.tableName());
        for (DeclarationPlan.Column c : plan.columns()) {
            if (c.lineage() != null) {
                connection.execute("INSERT INTO " + full + " (table_name, attribute_name, lineage) VALUES (?, ?, ?)",
                        table.tableName(), c.name(), c.lineage());
            }
        }
    }

    private static String full(InstanceImpl instance, String schema) {
        return instance.connectionImpl().renderer().render(DSL.name(schema, TABLE));
    }
}
