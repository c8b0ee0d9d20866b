package org.datajoint.engine.internal;

import java.util.List;
import org.datajoint.DataJointException;
import org.datajoint.InsertOptions;
import org.datajoint.Key;
import org.datajoint.MakeContext;
import org.datajoint.Table;

/** The context of one make call; inserts into the table and its parts are allowed. */
final class MakeContextImpl implements MakeContext {
    private final TableImpl table;
    private final Key key;

    MakeContextImpl(TableImpl table, Key key) {
        this.table = table;
        this.key = key;
    }

    @Override
    public Key key() {
        return key;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public void insert1(Object row) {
        insert(List.of(row));
    }

    @Override
    public void insert(Iterable<?> rows) {
        table.insert(rows, InsertOptions.defaults().withAllowDirectInsert());
    }

    @Override
    public PartInserter part(String name) {
        Table part = table.parts().stream().filter(p -> p.className().endsWith("." + name)
                || p.tableName().equals(name)).findFirst().orElseThrow(() -> new DataJointException(
                table.className() + " has no part '" + name + "'; its parts are "
                        + table.parts().stream().map(Table::className).toList()));
        return new PartInserter() {
            @Override
            public void insert1(Object row) {
                insert(List.of(row));
            }

            @Override
            public void insert(Iterable<?> rows) {
                part.insert(rows, InsertOptions.defaults().withAllowDirectInsert());
            }
        };
    }
}
