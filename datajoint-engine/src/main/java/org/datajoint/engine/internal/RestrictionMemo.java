package org.datajoint.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The last SQL text and the last map of values an expression was restricted by, with the
 * results: expressions are immutable, so a query built again in a loop reuses its restriction
 * instead of making it again. A map is kept as a copy, and only when all its values are of
 * immutable types, so that a map or a value changed in between is never mistaken for the kept one.
 * Neither text nor equalities depend on the match, which is not part of what is kept.
 */
final class RestrictionMemo {

    /** Value types whose instances never change, so that an equal value restricts alike. */
    private static final Set<Class<?>> IMMUTABLE_VALUES = Set.of(String.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class, Boolean.class, Character.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.util.UUID.class, java.time.LocalDate.class,
            java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.Instant.class,
            java.time.OffsetDateTime.class, java.time.ZonedDateTime.class);

    private record Kept(Object condition, QueryImpl result) {
    }

    private volatile Kept text;
    private volatile Kept map;

    /** Whether a restriction can be recognised again: text, or a map of immutable values. */
    static boolean reusable(Object condition) {
        if (condition instanceof String) {
            return true;
        }
        if (!(condition instanceof Map<?, ?> m)) {
            return false;
        }
        for (Object v : m.values()) {
            if (v != null && !IMMUTABLE_VALUES.contains(v.getClass())) {
                return false;
            }
        }
        return true;
    }

    /** The result kept for a {@linkplain #reusable reusable} restriction equal to this one, or {@code null}. */
    QueryImpl get(Object condition) {
        Kept kept = condition instanceof String ? text : map;
        return kept != null && same(kept.condition(), condition) ? kept.result() : null;
    }

    /** Keeps the result of a {@linkplain #reusable reusable} restriction, in place of the last one of its kind. */
    void put(Object condition, QueryImpl result) {
        if (condition instanceof String) {
            text = new Kept(condition, result);
        } else {
            map = new Kept(new LinkedHashMap<>((Map<?, ?>) condition), result);
        }
    }

    /** Equal text, or a map with the same keys and equal values of the same types. */
    private static boolean same(Object kept, Object condition) {
        if (kept instanceof String s) {
            return s.equals(condition);
        }
        Map<?, ?> was = (Map<?, ?>) kept;
        if (!(condition instanceof Map<?, ?> now) || was.size() != now.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : was.entrySet()) {
            Object a = e.getValue();
            Object b = now.get(e.getKey());
            boolean equal = a == null ? b == null && now.containsKey(e.getKey())
                    : b != null && b.getClass() == a.getClass() && a.equals(b);
            if (!equal) {
                return false;
            }
        }
        return true;
    }
}
