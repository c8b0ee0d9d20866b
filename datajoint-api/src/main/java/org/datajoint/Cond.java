package org.datajoint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Restriction conditions that combine others. A plain {@code Collection} already means OR;
 * these add AND, explicit OR and negation.
 */
public sealed interface Cond permits Cond.And, Cond.Or, Cond.Not {

    /** All of {@code conditions} (an empty AND is true). */
    static Cond and(Object... conditions) {
        return new And(List.of(conditions));
    }

    /** Any of {@code conditions} (an empty OR is false). */
    static Cond or(Object... conditions) {
        return new Or(List.of(conditions));
    }

    /** The negation of {@code condition}. */
    static Cond not(Object condition) {
        return new Not(condition);
    }

    /** Conjunction. */
    record And(List<Object> conditions) implements Cond {
        /** Copies the list; elements must not be null. */
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** Disjunction. */
    record Or(List<Object> conditions) implements Cond {
        /** Copies the list; elements must not be null. */
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** Negation. */
    record Not(Object condition) implements Cond {
        /** The condition must not be null. */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public String toString() {
            return "Not[" + (condition instanceof Object[] a ? Arrays.toString(a) : condition) + "]";
        }
    }
}
