package org.datajoint;

/**
 * How binary operators match attributes of the same name. DataJoint 2 matches by lineage: two
 * namesakes match only if both trace back, through foreign keys, to the same original attribute.
 */
public enum Match {
    /**
     * Namesakes must share their lineage, else the operation fails and names the attribute and
     * both lineages. Schemas without a {@code ~lineage} table are matched by name, with a warning.
     */
    SEMANTIC,
    /** Every namesake matches, whatever its lineage (a natural join). Use with care. */
    NATURAL
}
