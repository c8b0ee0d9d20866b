package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.datajoint.engine.spi.CoreType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The parts of a SELECT shared by every kind of query expression. */
final class Rendering {

    private static final Name ONE = DSL.name("_dj_one");

    private Rendering() {
    }

    /** The SELECT list; a constant when there are no attributes (DataJoint's empty heading). */
    static List<Field<?>> fields(QueryImpl query, List<String> names, boolean outer) {
        QHeading h = query.qheading();
        List<String> selected = names == null ? h.names() : names;
        List<Field<?>> out = new ArrayList<>(selected.size());
        for (String n : selected) {
            out.add(field(query, h.get(n), outer));
        }
        if (out.isEmpty()) {
            out.add(DSL.inline(1).as(ONE));
        }
        return out;
    }

    private static Field<?> field(QueryImpl query, QAttr a, boolean outer) {
        Name name = DSL.name(a.name());
        String expression = a.expression();
        if (outer && !a.isComputed()) {
            CoreType core = new ValueCodec(a.meta(), false).coreType();
            if (core != null) {
                String column = expression != null ? expression : query.connection().renderer().render(name);
                String read = query.connection().dialect().selectColumn(core, column);
                if (!read.equals(column)) {
                    return DSL.field(DSL.raw(read)).as(name);
                }
            }
        }
        return expression == null ? DSL.field(name) : DSL.field(DSL.raw("(" + expression + ")")).as(name);
    }

    /** The FROM clause: every source joined to the ones before it. */
    static Table<?> from(QueryImpl query, Render r) {
        List<Object> support = query.support();
        Table<?> t = source(support.get(0), r);
        for (int i = 1; i < support.size(); i++) {
            JoinSpec j = query.joins.get(i - 1);
            Table<?> s = source(support.get(i), r);
            if (j.using().isEmpty()) {
                t = j.left() ? t.leftJoin(s).on(DSL.trueCondition()) : t.crossJoin(s);
            } else {
                List<Field<?>> using = j.using().stream().<Field<?>>map(n -> DSL.field(DSL.name(n))).toList();
                t = (j.left() ? t.leftJoin(s) : t.join(s)).using(using);
            }
        }
        return t;
    }

    private static Table<?> source(Object source, Render r) {
        if (source instanceof QueryImpl.TableRef ref) {
            return DSL.table(DSL.name(ref.schema(), ref.table()));
        }
        return ((QueryImpl) source).select(r, null, false).asTable(r.nextAlias());
    }

    /**
     * ORDER BY, LIMIT and OFFSET of the query's top, if any. An offset always comes with a limit
     * (the largest there is when none was given): MariaDB ignores the ORDER BY and OFFSET of a
     * derived table that has no LIMIT.
     */
    static Select<?> top(QueryImpl query, SelectConditionStep<?> select) {
        TopSpec top = query.top;
        if (top == null) {
            return select;
        }
        var ordered = select.orderBy(TopOrder.sortFields(query, top.effectiveOrder()));
        if (top.offset() > 0) {
            return ordered.limit(top.limit() == null ? Long.MAX_VALUE : top.limit()).offset(top.offset());
        }
        return top.limit() != null ? ordered.limit(top.limit()) : ordered;
    }

    /** The ORDER BY of the query's top over a SELECT of some of its attributes; none without a top. */
    static Select<?> order(QueryImpl query, SelectJoinStep<?> select) {
        TopSpec top = query.top;
        return top == null ? select : select.orderBy(TopOrder.sortFields(query, top.effectiveOrder()));
    }
}
