package org.datajoint;

/**
 * How far an auto-populated table is: keys of its key source not computed yet, and all of them.
 *
 * @param remaining keys still to compute
 * @param total keys of the key source
 */
public record Progress(long remaining, long total) {

    /** The share computed, from 0 to 1 (1 for an empty key source). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) (total - remaining) / total;
    }
}
