package org.datajoint;

/**
 * A {@link Table} obtained by its full name ({@link Instance#freeTable(String)}), whether or not
 * DataJoint declared it.
 */
public interface FreeTable extends Table {
}
