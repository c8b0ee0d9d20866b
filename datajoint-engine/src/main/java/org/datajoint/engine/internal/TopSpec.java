package org.datajoint.engine.internal;

import java.util.List;

/**
 * Ordering and limits of a query (DataJoint's {@code dj.Top}). {@code order} {@code null}
 * inherits the current ordering; {@code limit} {@code null} is unlimited.
 */
record TopSpec(List<String> order, Long limit, long offset) {

    /** Two rows in no particular order: enough for {@code fetch1} to tell one row from several. */
    static final TopSpec ANY_TWO = new TopSpec(List.of(), 2L, 0);

    TopSpec {
        order = order == null ? null : List.copyOf(order);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** Whether {@code next} can be merged into this one instead of applied to a subquery. */
    boolean merges(TopSpec next) {
        return next.order == null || next.order.equals(order);
    }

    /** The merge of DataJoint's spec: smaller limit, offsets added, this ordering kept. */
    TopSpec merge(TopSpec next) {
        Long l = limit == null ? next.limit : next.limit == null ? limit : Long.valueOf(Math.min(limit, next.limit));
        return new TopSpec(order, l, offset + next.offset);
    }

    /** The ordering to render: the primary key when none was given. */
    List<String> effectiveOrder() {
        return order == null ? List.of("KEY") : order;
    }
}
