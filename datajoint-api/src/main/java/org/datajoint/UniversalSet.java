package org.datajoint;

import java.util.List;
import java.util.Map;

/**
 * DataJoint's universal set {@code dj.U(...)}: every possible value of some attributes, with
 * those attributes as its primary key. It is never fetched; it enumerates distinct values and
 * aggregates over arbitrary groupings. Obtain one from {@link DataJoint#U(String...)}.
 */
public interface UniversalSet {

    /** The attributes, which form the primary key of every result. */
    List<String> primaryKey();

    /**
     * The distinct values of this set's attributes in {@code expression}
     * ({@code dj.U('a') & expr}); {@code U()} gives one row with no attributes if
     * {@code expression} has any row.
     *
     * @throws UnknownAttributeException when an attribute is not in {@code expression}
     */
    QueryExpression restrict(QueryExpression expression);

    /**
     * Aggregates over {@code group} grouped by this set's attributes; {@code computed} maps each
     * new attribute to its aggregate SQL expression. Only groups with rows appear.
     *
     * @throws UnknownAttributeException when an attribute is not in {@code group}
     */
    QueryExpression aggr(QueryExpression group, Map<String, String> computed);

    /**
     * Always fails: the complement of a finite set in the universal set is infinite.
     *
     * @throws DataJointException always
     */
    default QueryExpression antiRestrict(QueryExpression expression) {
        throw new DataJointException("U(" + String.join(", ", primaryKey()) + ") minus an expression is an"
                + " infinite set; restrict the expression instead");
    }

    /**
     * Always fails: DataJoint 2 replaced {@code table * dj.U(...)} with restriction.
     *
     * @throws DataJointException always
     */
    default QueryExpression join(QueryExpression expression) {
        throw new DataJointException("Joining with U(" + String.join(", ", primaryKey()) + ") is not supported in"
                + " DataJoint 2; use U(...).restrict(expression) to promote attributes to the primary key");
    }
}
