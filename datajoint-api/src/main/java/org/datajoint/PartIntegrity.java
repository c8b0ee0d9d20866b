package org.datajoint;

/**
 * How deletes and drops treat master-part compositions, whose parts belong to their master row.
 */
public enum PartIntegrity {
    /**
     * The default: a part row may be deleted only together with its master rows, checked row by
     * row before anything is deleted. The master rows of a part row are those it references
     * through any path of foreign keys from the part up to its master (directly, through renamed
     * attributes, or through other parts), each followed by its own column mapping; every one of
     * them must be deleted too. A part table cannot be dropped unless its master is dropped with it.
     */
    ENFORCE,
    /** Parts may be deleted or dropped without their masters, leaving incomplete compositions. */
    IGNORE,
    /**
     * Deleting part rows also deletes their master rows and with them every sibling part row:
     * the restriction travels up every foreign-key path from the part to its master and back
     * down. Not available for drop.
     */
    CASCADE
}
