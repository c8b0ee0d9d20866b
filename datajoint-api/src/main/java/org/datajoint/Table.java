package org.datajoint;

import java.util.List;
import java.util.Optional;

/**
 * A table on the server: declared by DataJoint (from a definition string) or by anyone else.
 * Handles are cheap and lazy; what they report comes from the server's catalog, read in bulk per
 * schema and cached by the instance until a declaration or drop changes it.
 */
public interface Table {

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

    /** Whether the table exists on the server now. */
    boolean exists();

    /**
     * The table's heading: attributes with their DataJoint types, primary key, defaults, comments,
     * indexes.
     *
     * @throws MissingTableException when the table does not exist
     */
    Heading heading();

    /** Foreign keys from this table to its parents, in declaration order. */
    List<ForeignKey> foreignKeys();

    /**
     * A definition string that declares a table identical to this one, as DataJoint would write
     * it: foreign keys as {@code -> Parent} lines, core types, defaults, comments and indexes.
     */
    String describe();

    /** Tables this one references, in any loaded or referenced schema. */
    List<Table> parents();

    /** Tables that reference this one, in every schema of the server this user can see. */
    List<Table> children();

    /** All tables this one depends on, transitively, parents first. */
    List<Table> ancestors();

    /** All tables depending on this one, transitively, in topological order. */
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
