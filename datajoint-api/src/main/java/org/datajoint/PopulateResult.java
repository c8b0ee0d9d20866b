package org.datajoint;

import java.util.List;

/**
 * What a {@code populate()} call did.
 *
 * @param success keys computed and committed
 * @param error keys whose make failed
 * @param skip keys found already computed (by another worker) when their turn came
 * @param errors the failures, when errors were suppressed
 */
public record PopulateResult(long success, long error, long skip, List<Failure> errors) {

    /** Copies the list. */
    public PopulateResult {
        errors = List.copyOf(errors);
    }

    /** A key whose make failed. */
    public record Failure(Key key, String message, Throwable exception) {
    }
}
