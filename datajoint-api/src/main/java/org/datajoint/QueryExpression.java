package org.datajoint;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A lazy, immutable query whose result is a set of entities with a primary key. Tables are the
 * simplest query expressions; every operator returns a new expression and leaves its operands
 * unchanged. Nothing reaches the server until a fetch method is called, and values from users
 * always travel as bound parameters.
 *
 * <p>Values come back as the Java types of their DataJoint types, the same on every backend:
 * {@code int8} Byte, {@code int16} Short, {@code int32} Integer, {@code int64} Long,
 * {@code float32} Float, {@code float64} Double, {@code bool} Boolean, {@code decimal} BigDecimal,
 * {@code char}/{@code varchar}/{@code enum} String, {@code date} LocalDate, {@code datetime}
 * LocalDateTime, {@code uuid} UUID, {@code bytes} byte[], {@code json} the parsed document as
 * Map, List, String, Number, Boolean or null. Computed attributes come back by their SQL result
 * type, alike on every backend: exact numbers as Long when whole and as BigDecimal (without
 * trailing zeros) otherwise, floating numbers as Double, text as String. Dates and times, computed
 * or of native types ({@code time}, {@code timestamp}), come back as LocalDate, LocalTime and
 * LocalDateTime (a time with a zone as an OffsetDateTime in UTC), never as java.sql types, so
 * that a value reads the same whatever the JVM's default time zone.
 *
 * <p>SQL text in restrictions, computed attributes and orderings is portable: it may be written
 * the MySQL way (backtick identifiers, double-quoted string literals, {@code GROUP_CONCAT}) or
 * the PostgreSQL way (single quotes, {@code STRING_AGG}) and runs on every backend.
 */
public interface QueryExpression {

    /** The heading of the result: its attributes and primary key. */
    Heading heading();

    // ---- restriction ----------------------------------------------------------------------

    /**
     * The rows that match {@code condition} (DataJoint's {@code &}), matching namesakes by
     * lineage. A condition is a {@code Map} or a Java record (AND of equalities on the attributes
     * it shares with this heading; other keys are ignored), SQL text, another
     * {@code QueryExpression} (rows with matching values of the shared attributes), a
     * {@code Collection} (OR of its elements), a {@link Cond}, a {@link UniversalSet} (no effect),
     * or {@code Boolean}. Chained restrictions combine with AND.
     *
     * @throws UnknownAttributeException when SQL text names an attribute not in the heading
     * @throws DataJointException when a shared attribute has a different lineage on each side
     */
    QueryExpression restrict(Object condition);

    /** {@link #restrict(Object)} with the given attribute matching. */
    QueryExpression restrict(Object condition, Match match);

    /** The rows that do not match {@code condition} (DataJoint's {@code -}). */
    default QueryExpression antiRestrict(Object condition) {
        return restrict(Cond.not(condition));
    }

    /** {@link #antiRestrict(Object)} with the given attribute matching. */
    default QueryExpression antiRestrict(Object condition, Match match) {
        return restrict(Cond.not(condition), match);
    }

    // ---- join, projection, aggregation, union -----------------------------------------------

    /**
     * The join with {@code other} on their homologous namesakes (DataJoint's {@code *}). The
     * primary key follows the functional dependencies of the operands: that of this expression
     * when it determines {@code other}, else that of {@code other} when it determines this one,
     * else the union of both.
     *
     * @throws DataJointException when namesakes differ in lineage (rename one with
     *     {@link #proj(Proj)} or pass {@link Match#NATURAL})
     */
    QueryExpression join(QueryExpression other);

    /** {@link #join(QueryExpression)} with the given attribute matching. */
    QueryExpression join(QueryExpression other, Match match);

    /**
     * This expression with the attributes of {@code other} added where they match (a left join);
     * every row of this expression is kept and its primary key is unchanged.
     *
     * @throws DataJointException unless this expression determines {@code other} (every
     *     primary-key attribute of {@code other} is an attribute of this one)
     */
    QueryExpression extend(QueryExpression other);

    /** {@link #extend(QueryExpression)} with the given attribute matching. */
    QueryExpression extend(QueryExpression other, Match match);

    /**
     * A projection; {@code attributes} name the secondary attributes to keep besides the primary
     * key, in DataJoint's spelling: {@code "..."} keeps them all and {@code "-name"} drops one.
     * {@code proj()} keeps the primary key only.
     */
    default QueryExpression proj(String... attributes) {
        return proj(Proj.of(attributes));
    }

    /**
     * A projection that keeps, drops, renames, duplicates and computes attributes.
     *
     * @throws UnknownAttributeException when it names an attribute not in the heading
     * @throws DataJointException when it drops a primary-key attribute or names a result
     *     attribute twice
     */
    QueryExpression proj(Proj projection);

    /**
     * For every row of this expression, aggregates over the matching rows of {@code group}, which
     * must contain this expression's primary key. Rows with no match are kept (their aggregates
     * see no rows). {@code computed} maps each new attribute to its aggregate SQL expression.
     */
    default QueryExpression aggr(QueryExpression group, Map<String, String> computed) {
        return aggr(group, Proj.key().computeAll(computed), false);
    }

    /** {@link #aggr(QueryExpression, Map)} with a full projection of this expression's attributes. */
    default QueryExpression aggr(QueryExpression group, Proj projection) {
        return aggr(group, projection, false);
    }

    /**
     * Aggregation as {@link #aggr(QueryExpression, Proj)}; with {@code excludeNonmatching} the
     * rows of this expression without any match in {@code group} are left out.
     *
     * @throws DataJointException when {@code group} lacks a primary-key attribute of this expression
     */
    QueryExpression aggr(QueryExpression group, Proj projection, boolean excludeNonmatching);

    /**
     * The union with {@code other} (DataJoint's {@code +}); where a key is in both, this
     * expression's secondary values win.
     *
     * @throws DataJointException unless both have the same primary key and share no secondary attribute
     */
    QueryExpression union(QueryExpression other);

    // ---- top --------------------------------------------------------------------------------

    /**
     * The rows in this order; each item is an attribute name with an optional {@code ASC} or
     * {@code DESC}, or {@code KEY} for the primary key. Nulls sort first ascending and last
     * descending on every backend.
     */
    QueryExpression orderBy(String... order);

    /** At most {@code n} rows, in the current order (primary key order if none was given). */
    QueryExpression limit(long n);

    /** The rows after the first {@code n}, in the current order (primary key order if none). */
    QueryExpression offset(long n);

    // ---- fetch ------------------------------------------------------------------------------

    /** Every row, as insertion-ordered maps of attribute name to value. */
    List<Map<String, Object>> toDicts();

    /**
     * The one row of the result.
     *
     * @throws DataJointException when the result has no row or more than one
     */
    Map<String, Object> fetch1();

    /**
     * The one row of the result, with only these attributes.
     *
     * @throws DataJointException when the result has no row or more than one
     */
    Map<String, Object> fetch1(String... attributes);

    /**
     * Every row as an instance of a Java record, matched by component name; numeric values are
     * widened or narrowed exactly (a value that does not fit is an error), and components the
     * result lacks are an error.
     */
    <R extends Record> List<R> toList(Class<R> recordType);

    /**
     * The values of these attributes, one list per attribute in the order given, all lists in the
     * same row order (DataJoint's {@code to_arrays}). Without arguments, every attribute.
     */
    Map<String, List<Object>> toColumns(String... attributes);

    /** The values of one attribute, converted to {@code type} as {@link #toList} converts. */
    <T> List<T> column(String attribute, Class<T> type);

    /**
     * Every row, lazily, over a server-side cursor: memory stays constant whatever the result
     * size. The stream holds a pooled connection until it is closed; use try-with-resources. A
     * stream left open is closed once it is garbage, with a warning in the log that names where it
     * was opened; a thread that is interrupted reads no more rows from it.
     */
    Stream<Map<String, Object>> stream();

    /** The primary-key values of every row. */
    List<Map<String, Object>> keys();

    /** The number of rows. */
    long count();

    /** Whether there is at least one row. */
    boolean exists();

    /** The SQL the server runs for {@link #toDicts()}, with {@code ?} for bound values. */
    String sql();

    /**
     * A preview of the first {@code display.limit} rows as a text table with the total row count,
     * the way DataJoint prints a query.
     */
    String preview();
}
