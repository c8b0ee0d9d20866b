package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.datajoint.DataJointException;
import org.datajoint.Match;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A grouping: the join of the grouping expression with the grouped one, grouped by the grouping
 * expression's primary key. Restrictions of the result apply after grouping, as an outer WHERE
 * over the grouped SELECT (the same SQL on every backend, where MySQL alone would allow HAVING
 * on aliases).
 */
final class Aggregation extends QueryImpl {

    private List<Conditions.Rendered> leftRestriction = List.of();
    private List<String> groupBy = List.of();

    private Aggregation(InstanceImpl instance) {
        super(instance);
    }

    private Aggregation(Aggregation from) {
        super(from);
        this.leftRestriction = from.leftRestriction;
        this.groupBy = from.groupBy;
    }

    @Override
    QueryImpl copy() {
        return new Aggregation(this);
    }

    /** {@code groupby.aggr(group, ...)} before its projection. */
    static Aggregation create(QueryImpl groupby, QueryImpl group, boolean keepAllRows) {
        if (!group.qheading().determines(groupby.qheading())) {
            List<String> missing = groupby.qheading().primaryKey().stream().filter(a -> !group.qheading().contains(a))
                    .toList();
            throw new DataJointException("Aggregation needs the grouped expression to contain every primary-key"
                    + " attribute of the grouping expression; missing: " + missing);
        }
        QueryImpl g = group;
        if ((keepAllRows && g.support().size() > 1) || !g.qheading().newAttributes().isEmpty()) {
            g = g.subquery();
        }
        QueryImpl join = groupby.joined(g, Match.SEMANTIC, keepAllRows, keepAllRows);
        Aggregation a = new Aggregation(groupby.instance());
        a.setHeading(join.qheading().withPrimaryKey(groupby.qheading().primaryKey()));
        a.support = join.support();
        a.joins = join.joins;
        a.leftRestriction = join.restriction;
        a.restrictionAttributes = join.restrictionAttributes;
        a.groupBy = groupby.qheading().primaryKey();
        return a;
    }

    /** {@code U(attributes).aggr(group, ...)} before its projection. */
    static Aggregation universal(List<String> attributes, QueryImpl group) {
        QueryImpl g = group;
        if (!g.qheading().newAttributes().isEmpty() || g.materializes() || g instanceof Aggregation
                || g instanceof UnionQuery) {
            g = g.subquery();
        }
        Aggregation a = new Aggregation(group.instance());
        a.setHeading(g.qheading().withPrimaryKey(attributes));
        a.support = g.support();
        a.joins = g.joins;
        a.leftRestriction = g.restriction;
        a.restrictionAttributes = g.restrictionAttributes;
        a.groupBy = List.copyOf(attributes);
        return a;
    }

    @Override
    boolean materializes() {
        return super.materializes() || !restriction.isEmpty();
    }

    @Override
    Select<?> select(Render r, List<String> fields, boolean outer) {
        if (restriction.isEmpty() && top == null) {
            return grouped(r, fields, outer);
        }
        Select<?> inner = grouped(r, null, false);
        QueryImpl wrapper = subquery();
        var where = r.dsl().select(Rendering.fields(wrapper, fields, outer)).from(inner.asTable(r.nextAlias()))
                .where(conditions(r, restriction));
        wrapper.top = top;
        return Rendering.top(wrapper, where);
    }

    private Select<?> grouped(Render r, List<String> fields, boolean outer) {
        List<Field<?>> f = Rendering.fields(this, fields, outer);
        var where = r.dsl().select(f).from(Rendering.from(this, r)).where(conditions(r, leftRestriction));
        List<Field<?>> grouping = new ArrayList<>();
        for (String g : groupBy) {
            QAttr a = qheading().get(g);
            grouping.add(a == null || a.expression() == null ? DSL.field(DSL.name(g)) : DSL.field(a.expression()));
        }
        for (QAttr a : qheading().attributes()) {
            boolean aggregate = a.expression() != null && a.isComputed();
            if (!aggregate && !groupBy.contains(a.name())) {
                grouping.add(a.expression() == null ? DSL.field(DSL.name(a.name())) : DSL.field(a.expression()));
            }
        }
        return grouping.isEmpty() ? where : where.groupBy(grouping);
    }
}
