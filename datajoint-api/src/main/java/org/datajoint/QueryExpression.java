package org.datajoint;

import java.util.List;
import java.util.Map;

/**
 * A lazy, immutable query whose result is a set of entities with a primary key. Tables are the
 * simplest query expressions. Nothing reaches the server until a fetch method is called.
 *
 * <p>Values come back as the Java types of their DataJoint types, the same on every backend:
 * {@code int8} Byte, {@code int16} Short, {@code int32} Integer, {@code int64} Long,
 * {@code float32} Float, {@code float64} Double, {@code bool} Boolean, {@code decimal} BigDecimal,
 * {@code char}/{@code varchar}/{@code enum} String, {@code date} LocalDate, {@code datetime}
 * LocalDateTime, {@code uuid} UUID, {@code bytes} byte[], {@code json} the parsed document as
 * Map, List, String, Number, Boolean or null.
 */
public interface QueryExpression {

    /** The heading of the result. */
    Heading heading();

    /** Every row, as insertion-ordered maps of attribute name to value. */
    List<Map<String, Object>> toDicts();

    /**
     * The one row of the result.
     *
     * @throws DataJointException when the result has no row or more than one
     */
    Map<String, Object> fetch1();

    /**
     * Every row as an instance of a Java record, matched by component name; numeric values are
     * widened or narrowed exactly (a value that does not fit is an error), and components the
     * result lacks are an error.
     */
    <R extends Record> List<R> toList(Class<R> recordType);

    /**
     * Every row, lazily, over a server-side cursor: memory stays constant whatever the result
     * size. The stream holds a pooled connection until it is closed; use try-with-resources.
     */
    java.util.stream.Stream<Map<String, Object>> stream();

    /** The primary-key values of every row. */
    List<Map<String, Object>> keys();

    /** The number of rows. */
    long count();

    /** Whether there is at least one row. */
    default boolean exists() {
        return count() > 0;
    }

    /** The SQL the server runs for {@link #toDicts()}, with {@code ?} for bound values. */
    String sql();
}
