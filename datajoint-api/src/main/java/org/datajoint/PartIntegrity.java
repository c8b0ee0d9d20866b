package org.datajoint;

/**
 * How deletes and drops treat master-part compositions, whose parts belong to their master row.
 */
public enum PartIntegrity {
    /**
     * The default: a part row may be deleted only together with its own master row, checked row
     * by row before anything is deleted; a part table cannot be dropped on its own.
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
