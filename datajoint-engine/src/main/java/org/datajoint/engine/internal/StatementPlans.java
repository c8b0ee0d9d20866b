package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Param;

/**
 * Rendered SELECT statements kept by shape, so that a query built again with other values (a
 * {@code fetch1} in a loop) is bound without rendering. A plan maps each {@code ?} of the
 * statement to one of the expression's own bound values, or to a constant jOOQ added (a LIMIT).
 */
final class StatementPlans {

    private StatementPlans() {
    }

    /**
     * The cache key: the expression's shape, as a base and what follows it (a restriction added to
     * the base's expression; empty when the shape was computed whole), and what the statement is for
     * (the fields selected). Equal keys always mean the same statement text; one statement reached
     * both ways is kept under both keys, which costs one more rendering.
     */
    record Key(String shape, String tail, String purpose) {

        /** Written out: the generated one goes through a method handle on every lookup. */
        @Override
        public int hashCode() {
            return (shape.hashCode() * 31 + tail.hashCode()) * 31 + purpose.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && shape.equals(k.shape) && tail.equals(k.tail) && purpose.equals(k.purpose);
        }
    }

    /**
     * A statement's text, and for each of its parameters the index of the expression's value that
     * fills it, or -1 with the constant to use.
     */
    record Plan(String sql, int[] sources, Object[] constants, List<ValueCodec> codecs) {

        /** The values to bind, in statement order, from the expression's values in shape order. */
        List<Object> values(List<Object> values) {
            List<Object> out = new ArrayList<>(sources.length);
            for (int i = 0; i < sources.length; i++) {
                out.add(sources[i] < 0 ? constants[i] : values.get(sources[i]));
            }
            return out;
        }
    }

    /**
     * The plan of a freshly rendered statement, or {@code null} when its parameters cannot be
     * traced back to the expression's own values one for one (then it is not cached).
     */
    static Plan plan(QueryImpl.Statement rendered, List<Param<?>> params) {
        Map<Param<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            index.put(params.get(i), i);
        }
        List<Param<?>> bound = rendered.select().getParams().values().stream().filter(p -> !p.isInline()).toList();
        if (bound.size() != rendered.values().size()) {
            return null;
        }
        int[] sources = new int[bound.size()];
        Object[] constants = new Object[bound.size()];
        boolean[] used = new boolean[params.size()];
        for (int i = 0; i < bound.size(); i++) {
            Integer source = index.get(bound.get(i));
            if (source == null) {
                sources[i] = -1;
                constants[i] = rendered.values().get(i);
            } else if (used[source]) {
                return null;
            } else {
                sources[i] = source;
                used[source] = true;
            }
        }
        for (boolean u : used) {
            if (!u) {
                return null;
            }
        }
        return new Plan(rendered.sql(), sources, constants, rendered.codecs());
    }
}
