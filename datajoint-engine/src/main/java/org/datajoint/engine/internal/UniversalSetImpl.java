package org.datajoint.engine.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.UniversalSet;
import org.datajoint.UnknownAttributeException;

/** DataJoint's {@code dj.U}: a value object; it meets a connection only through its operands. */
record UniversalSetImpl(List<String> primaryKey) implements UniversalSet {

    UniversalSetImpl {
        primaryKey = List.copyOf(primaryKey);
        if (new LinkedHashSet<>(primaryKey).size() != primaryKey.size()) {
            throw new IllegalArgumentException("U() names an attribute twice: " + primaryKey);
        }
        for (String a : primaryKey) {
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("U() attributes must not be blank: " + primaryKey);
            }
        }
    }

    @Override
    public QueryExpression restrict(QueryExpression expression) {
        QueryImpl q = QueryImpl.of(expression);
        check(q);
        QueryImpl result = q.materializes() || q instanceof Aggregation || q instanceof UnionQuery ? q.subquery() : q.copy();
        result.setHeading(result.qheading().withPrimaryKey(primaryKey));
        QueryImpl projected = Projection.apply(result, Proj.key());
        projected.distinct = true;
        return projected;
    }

    @Override
    public QueryExpression aggr(QueryExpression group, Map<String, String> computed) {
        QueryImpl g = QueryImpl.of(group);
        check(g);
        return Projection.apply(Aggregation.universal(primaryKey, g), Proj.key().computeAll(computed));
    }

    private void check(QueryImpl q) {
        List<String> missing = primaryKey.stream().filter(a -> !q.qheading().contains(a)).toList();
        if (!missing.isEmpty()) {
            throw new UnknownAttributeException("U" + primaryKey + ": attributes " + missing + " are not in the"
                    + " expression's heading " + q.qheading().names());
        }
    }

    @Override
    public String toString() {
        return "U(" + String.join(", ", primaryKey) + ")";
    }
}
