package org.datajoint.engine.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.SQLDialect;

/**
 * Statement plans of every instance in this JVM, by the SQL dialect they were rendered for and
 * their shape; a plan holds no values, so instances share them, and a new instance's first
 * statements of a known shape are not rendered again. Shapes include the heading, so a
 * redeclared table gets new plans. The least recently used of more than 4,096 go.
 */
final class PlanCache {

    private static final Map<Object, Object> PLANS = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > 4096;
                }
            });

    private PlanCache() {
    }

    /** What a plan is kept by: the backend, the jOOQ dialect of the server, and the shape. */
    private record Key(Class<?> dialect, SQLDialect sql, Object shape) {

        /** Written out, as {@link StatementPlans.Key}'s are. */
        @Override
        public int hashCode() {
            return (dialect.hashCode() * 31 + sql.hashCode()) * 31 + shape.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && dialect == k.dialect && sql == k.sql && shape.equals(k.shape);
        }
    }

    /** The plan kept for the shape, else the one {@code make} makes (kept unless {@code null}). */
    @SuppressWarnings("unchecked")
    static <T> T plan(Class<?> dialect, SQLDialect sql, Object shape, Supplier<T> make) {
        Key key = new Key(dialect, sql, shape);
        Object p = PLANS.get(key);
        if (p == null) {
            p = make.get();
            if (p != null) {
                PLANS.put(key, p);
            }
        }
        return (T) p;
    }
}
