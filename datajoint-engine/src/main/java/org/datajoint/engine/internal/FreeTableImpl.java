package org.datajoint.engine.internal;

import org.datajoint.FreeTable;
import org.jooq.impl.DSL;

/** A table named by schema and table name; reads the server only when asked. */
final class FreeTableImpl implements FreeTable {

    private final ConnectionImpl connection;
    private final String schema;
    private final String table;

    FreeTableImpl(ConnectionImpl connection, String schema, String table) {
        this.connection = connection;
        this.schema = schema;
        this.table = table;
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String tableName() {
        return table;
    }

    @Override
    public String fullTableName() {
        return connection.renderer().render(DSL.name(schema, table));
    }

    @Override
    public boolean exists() {
        return !connection.query("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                schema, table).isEmpty();
    }

    @Override
    public String toString() {
        return "FreeTable[" + fullTableName() + "]";
    }
}
