package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.datajoint.Cond;
import org.datajoint.DataJointException;
import org.datajoint.Match;
import org.datajoint.QueryExpression;
import org.datajoint.UniversalSet;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * Translates restriction conditions into SQL conditions with bound values, following DataJoint's
 * rules: a map is an AND of equalities on the attributes it shares with the heading (others are
 * ignored), a collection is an OR, another expression is a semijoin on the shared attributes.
 * Each translation is {@link Boolean#TRUE}, {@link Boolean#FALSE} or a function that renders the
 * condition when the statement is rendered.
 */
final class Conditions {

    /**
     * A condition rendered as part of a statement. A condition whose SQL text depends only on its
     * {@link #shape()} lets statements that contain it be rendered once and reused with new values.
     */
    interface Rendered extends Function<Render, Condition> {

        /** What determines the rendered text besides the bound values; {@code null} when not known. */
        default String shape() {
            return null;
        }

        /**
         * The bound values as jOOQ parameters, in a fixed order: the same order for every condition
         * of the same shape, and the same objects that {@link #apply} renders.
         */
        default List<Param<?>> params() {
            return List.of();
        }

        /** The values of {@link #params()}, in the same order, without building any parameter. */
        default List<Object> values() {
            List<Param<?>> params = params();
            if (params.isEmpty()) {
                return List.of();
            }
            List<Object> values = new ArrayList<>(params.size());
            for (Param<?> p : params) {
                values.add(p.getValue());
            }
            return java.util.Collections.unmodifiableList(values);
        }
    }

    /** A condition built when the restriction is made, with its shape and bound values. */
    record Fixed(Condition condition, String shape, List<Param<?>> params) implements Rendered {

        static final Fixed FALSE = new Fixed(DSL.falseCondition(), "false", List.of());

        @Override
        public Condition apply(Render r) {
            return condition;
        }
    }

    /** An AND or OR of conditions, negated or not, rendered when the statement is. */
    private record Combined(List<Rendered> parts, boolean and, boolean negate) implements Rendered {

        @Override
        public Condition apply(Render r) {
            List<Condition> rendered = parts.stream().map(p -> p.apply(r)).toList();
            Condition c = rendered.size() == 1 ? rendered.get(0) : and ? DSL.and(rendered) : DSL.or(rendered);
            return negate ? DSL.not(c) : c;
        }

        @Override
        public String shape() {
            StringBuilder b = new StringBuilder(negate ? "!" : "").append(and ? "and(" : "or(");
            for (Rendered p : parts) {
                String shape = p.shape();
                if (shape == null) {
                    return null;
                }
                b.append(shape).append(',');
            }
            return b.append(')').toString();
        }

        @Override
        public List<Param<?>> params() {
            List<Param<?>> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.params()));
            return all;
        }

        @Override
        public List<Object> values() {
            List<Object> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.values()));
            return all;
        }
    }

    /**
     * An AND of equalities from a map, negated or not. Values are converted for binding when the
     * restriction is made; the jOOQ condition and parameters only when a statement is first
     * rendered, so that a statement reused by shape costs no jOOQ objects.
     */
    private static final class Equalities implements Rendered {
        /** Stands for a value that can never match (text with NUL where the server cannot store it). */
        private static final Object NEVER = new Object();

        private final List<String> names;
        private final List<Object> items;
        private final List<Object> values;
        private final boolean negate;
        private final String shape;
        private volatile List<Param<?>> params;

        private Equalities(List<String> names, List<Object> items, boolean negate, String shape) {
            this.names = names;
            this.items = items;
            List<Object> bound = new ArrayList<>(items.size());
            for (Object v : items) {
                if (v != null && v != NEVER) {
                    bound.add(v);
                }
            }
            this.values = java.util.Collections.unmodifiableList(bound);
            this.negate = negate;
            this.shape = shape;
        }

        @Override
        public Condition apply(Render r) {
            List<Param<?>> bound = params();
            List<Condition> parts = new ArrayList<>(names.size());
            int next = 0;
            for (int i = 0; i < names.size(); i++) {
                Field<Object> field = DSL.field(DSL.name(names.get(i)));
                Object item = items.get(i);
                parts.add(item == NEVER ? DSL.falseCondition() : item == null ? field.isNull()
                        : field.eq(objectParam(bound.get(next++))));
            }
            Condition c = parts.size() == 1 ? parts.get(0) : DSL.and(parts);
            return negate ? DSL.not(c) : c;
        }

        @SuppressWarnings("unchecked")
        private static Param<Object> objectParam(Param<?> p) {
            return (Param<Object>) p;
        }

        @Override
        public String shape() {
            return shape;
        }

        @Override
        public List<Param<?>> params() {
            List<Param<?>> p = params;
            if (p == null) {
                synchronized (this) {
                    p = params;
                    if (p == null) {
                        p = values.stream().<Param<?>>map(DSL::val).toList();
                        params = p;
                    }
                }
            }
            return p;
        }

        @Override
        public List<Object> values() {
            return values;
        }
    }

    /** Conditions already translated, combined with AND (none: true); carried from one table to another. */
    record Raw(List<Rendered> items) {
        Raw {
            items = List.copyOf(items);
        }
    }

    private Conditions() {
    }

    static Object make(QueryImpl query, Object condition, Set<String> columns, Match match) {
        boolean negate = false;
        Object c = condition;
        while (c instanceof Cond.Not not) {
            negate = !negate;
            c = not.condition();
        }
        if (c == null) {
            throw new DataJointException("A restriction cannot be null; use false for the empty set");
        }
        if (c instanceof Boolean b) {
            return negate != b;
        }
        if (c instanceof UniversalSet) {
            return !negate;
        }
        if (c instanceof Raw raw) {
            return raw.items().isEmpty() ? !negate : combine(raw.items(), true, negate);
        }
        if (c instanceof CharSequence text) {
            return sql(query, text.toString(), columns, negate);
        }
        if (c instanceof Cond.And and) {
            return and(query, and.conditions(), columns, match, negate);
        }
        if (c instanceof Cond.Or or) {
            return or(query, or.conditions(), columns, match, negate);
        }
        if (c instanceof QueryExpression other) {
            return semijoin(query, QueryImpl.of(other), columns, match, negate);
        }
        if (c instanceof Map<?, ?> || c instanceof Record) {
            return equalities(query, RowShapes.toMap(c), columns, negate);
        }
        if (c instanceof Collection<?> items) {
            return or(query, new ArrayList<>(items), columns, match, negate);
        }
        if (c instanceof Object[] items) {
            return or(query, List.of(items), columns, match, negate);
        }
        throw new DataJointException("A restriction cannot be a " + c.getClass().getName() + "; use a Map, a record,"
                + " SQL text, a query expression, a collection (OR), Cond.and/or/not or a boolean");
    }

    private static Object sql(QueryImpl query, String text, Set<String> columns, boolean negate) {
        String sql = query.portable(text, columns);
        Condition condition = DSL.condition(DSL.raw(sql));
        Condition result = negate ? DSL.not(condition) : condition;
        return new Fixed(result, (negate ? "!sql" : "sql") + sql.length() + ":" + sql, List.of());
    }

    private static Object and(QueryImpl query, List<Object> items, Set<String> columns, Match match, boolean negate) {
        List<Rendered> parts = new ArrayList<>();
        for (Object item : items) {
            Object made = make(query, item, columns, match);
            if (made == Boolean.FALSE) {
                return negate;
            }
            if (made instanceof Rendered r) {
                parts.add(r);
            }
        }
        if (parts.isEmpty()) {
            return !negate;
        }
        return combine(parts, true, negate);
    }

    private static Object or(QueryImpl query, List<?> items, Set<String> columns, Match match, boolean negate) {
        List<Rendered> parts = new ArrayList<>();
        for (Object item : items) {
            Object made = make(query, item, columns, match);
            if (made == Boolean.TRUE) {
                return !negate;
            }
            if (made instanceof Rendered r) {
                parts.add(r);
            }
        }
        if (parts.isEmpty()) {
            return negate;
        }
        return combine(parts, false, negate);
    }

    private static Rendered combine(List<Rendered> parts, boolean and, boolean negate) {
        return new Combined(List.copyOf(parts), and, negate);
    }

    private static Object equalities(QueryImpl query, Map<String, ?> row, Set<String> columns, boolean negate) {
        QHeading heading = query.qheading();
        List<String> names = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        StringBuilder shape = new StringBuilder(negate ? "!eq(" : "eq(");
        for (Map.Entry<String, ?> e : row.entrySet()) {
            if (!heading.contains(e.getKey())) {
                continue;
            }
            columns.add(e.getKey());
            shape.append(e.getKey());
            names.add(e.getKey());
            if (e.getValue() instanceof CharSequence text && text.toString().indexOf('\0') >= 0
                    && !query.connection().dialect().textHoldsNul()) {
                items.add(Equalities.NEVER);
                shape.append(" false,");
            } else if (e.getValue() == null) {
                items.add(null);
                shape.append(" null,");
            } else {
                items.add(query.bindable(e.getKey(), e.getValue()));
                shape.append("=?,");
            }
        }
        if (names.isEmpty()) {
            return !negate;
        }
        return new Equalities(List.copyOf(names), java.util.Collections.unmodifiableList(items), negate,
                shape.append(')').toString());
    }

    /**
     * The rows for which {@code in} is not true: the exact complement of the semijoin. {@code NOT
     * IN} would also drop rows whose shared attributes are {@code null}, which match nothing.
     */
    private static Condition notTrue(Condition in) {
        return DSL.condition("({0}) is not true", in);
    }

    private static Object semijoin(QueryImpl query, QueryImpl other, Set<String> columns, Match match, boolean negate) {
        Semantics.checkCompatible(query, other, match);
        QHeading mine = query.qheading();
        List<String> common = other.qheading().names().stream().filter(mine::contains).toList();
        columns.addAll(common);
        if (common.isEmpty()) {
            return (Rendered) r -> {
                Condition exists = DSL.exists(other.select(r, List.of(), false));
                return negate ? DSL.not(exists) : exists;
            };
        }
        List<Field<?>> fields = common.stream().<Field<?>>map(n -> DSL.field(DSL.name(n))).toList();
        return (Rendered) r -> {
            Condition in = DSL.row(fields).in(other.select(r, common, false));
            return negate ? notTrue(in) : in;
        };
    }
}
