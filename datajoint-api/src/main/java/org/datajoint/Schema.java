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
     * Drops the schema and every table in it. With safemode on, asks the config's {@link Confirmer}
     * first and does nothing if it declines.
     *
     * @return whether the schema was dropped
     */
    default boolean drop() {
        return drop(DropOptions.defaults());
    }

    /** Drops the schema with the given options. */
    boolean drop(DropOptions options);
}
