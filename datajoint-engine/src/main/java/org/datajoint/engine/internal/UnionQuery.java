package org.datajoint.engine.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datajoint.DataJointException;
import org.datajoint.Match;
import org.datajoint.Proj;
import org.jooq.Select;

/**
 * The union of two expressions with the same primary key and no shared secondary attribute.
 * With secondary attributes it is the outer union of DataJoint's specification: the left operand
 * extended by the right one, plus the rows of the right operand whose keys the left lacks.
 */
final class UnionQuery extends QueryImpl {

    private final QueryImpl left;
    private final QueryImpl right;

    private UnionQuery(QueryImpl left, QueryImpl right, QHeading heading) {
        super(left.instance());
        this.left = left;
        this.right = right;
        setHeading(heading);
        this.support = List.of();
    }

    private UnionQuery(UnionQuery from) {
        super(from);
        this.left = from.left;
        this.right = from.right;
    }

    @Override
    QueryImpl copy() {
        return new UnionQuery(this);
    }

    static UnionQuery create(QueryImpl a, QueryImpl b) {
        if (!Set.copyOf(a.qheading().primaryKey()).equals(Set.copyOf(b.qheading().primaryKey()))) {
            throw new DataJointException("The operands of a union must have the same primary key; they have "
                    + a.qheading().primaryKey() + " and " + b.qheading().primaryKey());
        }
        Set<String> shared = new HashSet<>(a.qheading().secondary());
        shared.retainAll(b.qheading().secondary());
        if (!shared.isEmpty()) {
            throw new DataJointException("The operands of a union must not share secondary attributes; both have "
                    + shared + ". Project them away or rename them in one operand");
        }
        Semantics.checkCompatible(a, b, Match.SEMANTIC);
        return new UnionQuery(a, b, a.qheading().join(b.qheading(), false));
    }

    @Override
    boolean materializes() {
        return true;
    }

    @Override
    Select<?> select(Render r, List<String> fields, boolean outer) {
        Select<?> union;
        List<String> key = qheading().primaryKey();
        if (left.qheading().secondary().isEmpty() && right.qheading().secondary().isEmpty()) {
            union = left.select(r, key, false).union((Select) right.select(r, key, false));
        } else {
            List<String> names = qheading().names();
            QueryImpl first = left.joined(right, Match.SEMANTIC, true, false);
            Proj nulls = Proj.all();
            for (String s : left.qheading().secondary()) {
                nulls = nulls.compute(s, "NULL");
            }
            QueryImpl second = Projection.apply(right.restricted(org.datajoint.Cond.not(left), Match.SEMANTIC), nulls);
            union = first.select(r, names, false).union((Select) second.select(r, names, false));
        }
        QueryImpl wrapper = subquery();
        var where = r.dsl().select(Rendering.fields(wrapper, fields, outer)).from(union.asTable(r.nextAlias()))
                .where(conditions(r, restriction));
        wrapper.top = top;
        return Rendering.top(wrapper, where);
    }
}
