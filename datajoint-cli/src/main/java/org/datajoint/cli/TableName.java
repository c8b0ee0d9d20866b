package org.datajoint.cli;

import org.datajoint.Instance;
import org.datajoint.Table;

/** A table named on the command line as {@code schema.ClassName} or {@code schema.table_name}. */
record TableName(String schema, String table) {

    static TableName parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a table name; write schema.Table,"
                    + " for example lab.Session or lab.session__trial");
        }
        return new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The table, after checking that its schema exists. */
    Table open(Instance instance) {
        ServerOptions.requireSchema(instance, schema);
        return instance.schema(schema).table(table);
    }
}
