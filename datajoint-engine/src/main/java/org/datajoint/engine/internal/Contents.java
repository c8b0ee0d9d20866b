package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.Heading;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** Inserts a lookup table's contents, keeping rows that are already there. */
final class Contents {

    private Contents() {
    }

    static void insertMissing(InstanceImpl instance, TableImpl table, List<? extends Map<String, ?>> rows) {
        Heading heading = table.heading();
        ConnectionImpl connection = instance.connectionImpl();
        connection.transaction(tx -> {
            for (Map<String, ?> row : rows) {
                List<Field<Object>> fields = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (Map.Entry<String, ?> e : row.entrySet()) {
                    heading.attribute(e.getKey());
                    fields.add(DSL.field(DSL.name(e.getKey())));
                    values.add(e.getValue());
                }
                Query q = connection.serverRenderer().insertInto(DSL.table(DSL.name(table.schemaName(), table.tableName())),
                        fields).values(values).onDuplicateKeyIgnore();
                connection.execute(q.getSQL(), q.getBindValues().toArray());
            }
            return null;
        });
    }
}
