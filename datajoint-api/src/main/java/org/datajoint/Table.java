package org.datajoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table on the server: declared by DataJoint (from a definition string) or by anyone else.
 * Handles are cheap and lazy; what they report comes from the server's catalog, read in bulk per
 * schema and cached by the instance until a declaration or drop changes it.
 */
public interface Table extends QueryExpression {

    /** This table restricted by {@code condition}; still a table, so it can be deleted from. */
    @Override
    Table restrict(Object condition);

    @Override
    Table restrict(Object condition, Match match);

    @Override
    default Table antiRestrict(Object condition) {
        return restrict(Cond.not(condition));
    }

    @Override
    default Table antiRestrict(Object condition, Match match) {
        return restrict(Cond.not(condition), match);
    }

    /**
     * Inserts the rows of a query ({@code INSERT ... SELECT}) in one statement on the server;
     * its attributes are matched by name and must all be attributes of this table.
     */
    default void insert(QueryExpression rows) {
        insert(rows, InsertOptions.defaults());
    }

    /**
     * Inserts the rows of a stream, consumed lazily in batches, and closes the stream (a
     * {@code Files.lines} stream releases its file); see {@link #insert(Iterable, InsertOptions)}.
     */
    default void insert(java.util.stream.Stream<?> rows, InsertOptions options) {
        try (rows) {
            java.util.Iterator<?> it = rows.iterator();
            Iterable<Object> once = () -> (java.util.Iterator<Object>) it;
            insert(once, options);
        }
    }

    /** {@link #insert(java.util.stream.Stream, InsertOptions)} with default options. */
    default void insert(java.util.stream.Stream<?> rows) {
        insert(rows, InsertOptions.defaults());
    }

    /** {@link #insert(QueryExpression)} with options. */
    void insert(QueryExpression rows, InsertOptions options);

    /** {@link #delete(DeleteOptions)} with default options: safemode decides whether to ask. */
    default long delete() {
        return delete(DeleteOptions.defaults());
    }

    /**
     * Deletes this table's rows (as restricted) and every row that depends on them, in any
     * table: {@code Diagram.of(this).cascade(this, ...).delete(options)}.
     *
     * @return rows deleted from this table
     */
    long delete(DeleteOptions options);

    /**
     * Deletes this table's rows (as restricted) in one statement, without cascade or confirmation;
     * fails when other rows reference them.
     *
     * @return rows deleted
     */
    long deleteQuick();

    /** {@link #drop(DropOptions)} with default options. */
    default void drop() {
        drop(DropOptions.defaults());
    }

    /**
     * Drops this table and every table that depends on it, in any schema, leaves first, after
     * confirmation when the options say so. A part table is dropped on its own only with
     * {@link PartIntegrity#IGNORE}.
     */
    void drop(DropOptions options);

    /**
     * Fills this auto-populated table: calls its make for every key of its key source not in the
     * table yet, each in its own transaction.
     *
     * @param restrictions restrict the key source, as {@link QueryExpression#restrict} does (AND)
     * @throws DataJointException for a table with no make, or (without suppressed errors) the
     *     first failure, after recording it
     */
    PopulateResult populate(PopulateOptions options, Object... restrictions);

    /** {@link #populate(PopulateOptions, Object...)} with default options. */
    default PopulateResult populate(Object... restrictions) {
        return populate(PopulateOptions.defaults(), restrictions);
    }

    /** Keys of the key source not computed yet, and all of them, counted in one statement. */
    Progress progress(Object... restrictions);

    /**
     * The keys this table is computed for: by default the join of its primary-key parents,
     * projected to the primary key.
     */
    QueryExpression keySource();

    /**
     * Uses {@code source} as this table's key source from now on, in this instance.
     *
     * @return this table
     */
    Table withKeySource(QueryExpression source);

    /** The table's jobs queue. */
    Jobs jobs();

    /** The schema's name. */
    String schemaName();

    /** The table's SQL name within its schema, for example {@code session__trial}. */
    String tableName();

    /** The full name quoted for the instance's backend: {@code `lab`.`session`} or {@code "lab"."session"}. */
    String fullTableName();

    /** The CamelCase class name DataJoint gives this table: {@code Session}, {@code Session.Trial}. */
    String className();

    /** The tier, from the SQL name's prefix. */
    Tier tier();

    /** Whether the table is declared on the server now ({@link #exists()} tells whether it has rows). */
    boolean isDeclared();

    /**
     * The table's heading: attributes with their DataJoint types, primary key, defaults, comments,
     * indexes.
     *
     * @throws MissingTableException when the table does not exist
     */
    Heading heading();

    /**
     * Inserts one row: a map of attribute name to value, a Java record (by component name) or a
     * bean (by getter name).
     *
     * @throws DuplicateKeyException when the primary key exists
     * @throws UnknownAttributeException for a key that is not an attribute
     */
    default void insert1(Object row) {
        insert(List.of(row), InsertOptions.defaults());
    }

    /** Inserts rows (maps, records or beans) in one transaction: all of them or none. */
    default void insert(Iterable<?> rows) {
        insert(rows, InsertOptions.defaults());
    }

    /** Inserts rows with options, in one transaction. */
    void insert(Iterable<?> rows, InsertOptions options);

    /**
     * Inserts the rows of a CSV file whose first line names the attributes, in one transaction;
     * values are parsed by each attribute's type, and an empty field is null for every type but
     * text. Quoted fields may hold commas, doubled quotes and line breaks.
     */
    default void insert(java.nio.file.Path csv) {
        insert(csv, InsertOptions.defaults());
    }

    /** {@link #insert(java.nio.file.Path)} with options. */
    void insert(java.nio.file.Path csv, InsertOptions options);

    /**
     * Updates secondary attributes of exactly one row, named by its full primary key in the same
     * map: {@code update1(Map.of("subject_id", "M001", "species", "rat"))}.
     *
     * @throws DataJointException when the key is incomplete, names no row, or the map changes a key attribute
     */
    void update1(Map<String, ?> row);

    /** Foreign keys from this table to its parents, in declaration order. */
    List<ForeignKey> foreignKeys();

    /**
     * A definition string that declares a table identical to this one, as DataJoint would write
     * it: foreign keys as {@code -> Parent} lines, core types, defaults, comments and indexes.
     */
    String describe();

    /**
     * How this table differs from a definition: one sentence per difference (an attribute missing
     * or extra, a different type, key membership, nullability or default); empty when the
     * definition declares exactly this table. Declaring an existing table with a different
     * definition keeps the table and logs these differences as a warning.
     */
    List<String> definitionDifferences(String definition);

    /** Tables this one references, in any loaded or referenced schema. */
    List<Table> parents();

    /** Tables that reference this one, in every schema of the server this user can see. */
    List<Table> children();

    /** All tables this one depends on, transitively, parents first. */
    List<Table> ancestors();

    /** All tables depending on this one, transitively, in every schema this user can see, in topological order. */
    List<Table> descendants();

    /**
     * Declares a part table of this master ({@code master__part}), or binds to it if it exists.
     * The definition refers to the master as {@code -> master}.
     */
    Table part(String name, String definition);

    /** This master's part tables. */
    List<Table> parts();

    /** The master of a part table; empty for other tables. */
    Optional<Table> master();
}
