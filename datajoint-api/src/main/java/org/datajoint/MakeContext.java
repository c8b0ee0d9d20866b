package org.datajoint;

/** What a {@link Make} call works with: the key to compute and the table to fill. */
public interface MakeContext {

    /** The primary key of the entity to compute. */
    Key key();

    /** The auto-populated table being filled. */
    Table table();

    /** {@code table} restricted to this key: the upstream rows this entity derives from. */
    default Table upstream(Table table) {
        return table.restrict(key());
    }

    /** Inserts the table's row for this key. */
    void insert1(Object row);

    /** Inserts rows into the table. */
    void insert(Iterable<?> rows);

    /** A part table of the table being filled, by class name ({@code "Unit"}); inserts into it are allowed. */
    PartInserter part(String name);

    /** Inserts into a part table from within a make. */
    interface PartInserter {
        /** Inserts one part row. */
        void insert1(Object row);

        /** Inserts part rows. */
        void insert(Iterable<?> rows);
    }
}
