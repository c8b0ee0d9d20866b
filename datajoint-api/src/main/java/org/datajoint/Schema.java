package org.datajoint;

import java.util.List;

/**
 * A database schema (a MySQL database, a PostgreSQL schema) bound to an {@link Instance}. Obtaining
 * one creates it on the server if it is missing.
 */
public interface Schema {

    /** The schema's name on the server. */
    String name();

    /** The instance this schema belongs to. */
    Instance instance();

    /** Whether the schema exists on the server now. */
    boolean exists();

    /** The SQL names of the schema's tables, sorted, including DataJoint's hidden ones ({@code ~lineage}). */
    List<String> listTables();

    /**
     * Drops the schema and every table in it, and, as {@link Table#drop()} does for one table, the
     * tables of other schemas that depend on them (found even in schemas this instance never
     * opened). Tables go after the tables that reference them, also when schemas reference each
     * other both ways. With safemode on, asks the config's {@link Confirmer} first, naming those
     * tables of other schemas, and does nothing if it declines. On PostgreSQL the whole drop is one
     * transaction; MySQL cannot roll DDL back.
     *
     * @return whether the schema was dropped
     */
    default boolean drop() {
        return drop(DropOptions.defaults());
    }

    /** Drops the schema with the given options. */
    boolean drop(DropOptions options);

    /**
     * Declares a manual table from its CamelCase class name and definition, or binds to it when
     * a table of that name exists (a differing definition is logged as a warning naming the differences).
     *
     * @throws DefinitionException naming the line and what is wrong with it
     */
    Table manual(String className, String definition);

    /** Declares a lookup table ({@code #name}) and inserts its contents (existing rows are kept). */
    Table lookup(String className, String definition, List<? extends java.util.Map<String, ?>> contents);

    /** Declares a lookup table without contents. */
    default Table lookup(String className, String definition) {
        return lookup(className, definition, List.of());
    }

    /** Declares an imported table ({@code _name}); its primary key must come from foreign keys. */
    Table imported(String className, String definition);

    /** Declares a computed table ({@code __name}); its primary key must come from foreign keys. */
    Table computed(String className, String definition);

    /** Declares (or binds) a computed table and registers how to compute its rows. */
    Table computed(String className, String definition, Make make);

    /** Declares (or binds) an imported table and registers how to import its rows. */
    Table imported(String className, String definition, Make make);

    /**
     * An existing table of this schema by class name ({@code Session}, {@code Session.Trial}) or
     * SQL name ({@code session}, {@code session__trial}).
     *
     * @throws MissingTableException when there is none
     */
    Table table(String name);

    /**
     * Every user table of the schema, masters followed by their parts, in dependency order;
     * DataJoint's hidden tables ({@code ~lineage}, {@code ~~jobs}) are left out.
     */
    List<Table> tables();
}
