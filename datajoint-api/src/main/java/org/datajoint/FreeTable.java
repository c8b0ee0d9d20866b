package org.datajoint;

/**
 * A handle on any table by its full name, whether or not DataJoint declared it. The handle is
 * lazy: it names the table and reads the server only when asked.
 */
public interface FreeTable {

    /** The schema's name. */
    String schemaName();

    /** The table's SQL name within its schema, for example {@code session__trial}. */
    String tableName();

    /** The full name quoted for the instance's backend, for example {@code `lab`.`session`} or {@code "lab"."session"}. */
    String fullTableName();

    /** Whether the table exists on the server now. */
    boolean exists();
}
