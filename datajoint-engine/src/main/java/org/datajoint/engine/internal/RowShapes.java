package org.datajoint.engine.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datajoint.DataJointException;

/** Rows as maps, from and to Java records and beans. */
final class RowShapes {

    private RowShapes() {
    }

    /** A row given as a map, a record or a bean, as a map of name to value. */
    @SuppressWarnings("unchecked")
    static Map<String, ?> toMap(Object row) {
        if (row instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        if (row == null) {
            throw new DataJointException("A row must not be null");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            if (row instanceof Record r) {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    Method accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    out.put(c.getName(), accessor.invoke(r));
                }
                return out;
            }
            for (Method m : row.getClass().getMethods()) {
                String property = property(m);
                if (property != null) {
                    out.put(property, m.invoke(row));
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new DataJointException("Cannot read the row " + row.getClass().getName() + ": " + e, e);
        }
        if (out.isEmpty()) {
            throw new DataJointException("A row must be a Map, a record or a bean with getters; got "
                    + row.getClass().getName());
        }
        return out;
    }

    private static String property(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        int prefix = n.startsWith("get") && n.length() > 3 ? 3
                : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? 2 : 0;
        if (prefix == 0) {
            return null;
        }
        String name = n.substring(prefix);
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** A row map as an instance of a record, by component name. */
    static <R extends Record> R toRecord(Map<String, Object> row, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!row.containsKey(name)) {
                throw new DataJointException("Record " + type.getSimpleName() + " has component '" + name
                        + "', which the result does not have; it has " + row.keySet());
            }
            types[i] = components[i].getType();
            args[i] = convert(row.get(name), types[i], type, name);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new DataJointException("Cannot build record " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** A fetched value of attribute {@code name} as {@code target}, converted as for records. */
    static Object convert(Object value, Class<?> target, String name) {
        return convert(value, target, QueryExpressionValues.class, name);
    }

    /** Names the target of a conversion outside a record in messages. */
    private static final class QueryExpressionValues {
    }

    private static Object convert(Object value, Class<?> target, Class<?> record, String name) {
        Class<?> boxed = box(target);
        if (value == null) {
            if (target.isPrimitive()) {
                throw new DataJointException(record.getSimpleName() + "." + name + " is a " + target
                        + " and cannot hold null; use " + boxed.getSimpleName());
            }
            return null;
        }
        if (boxed.isInstance(value)) {
            return value;
        }
        try {
            if (value instanceof Number n && Number.class.isAssignableFrom(boxed)) {
                BigDecimal d = new BigDecimal(n.toString());
                if (boxed == Long.class) {
                    return d.longValueExact();
                }
                if (boxed == Integer.class) {
                    return d.intValueExact();
                }
                if (boxed == Short.class) {
                    return d.shortValueExact();
                }
                if (boxed == Byte.class) {
                    return d.byteValueExact();
                }
                if (boxed == Double.class) {
                    return n.doubleValue();
                }
                if (boxed == Float.class) {
                    return n.floatValue();
                }
                if (boxed == BigDecimal.class) {
                    return d;
                }
                if (boxed == BigInteger.class) {
                    return d.toBigIntegerExact();
                }
            }
            if (boxed == String.class) {
                return value.toString();
            }
        } catch (ArithmeticException e) {
            throw new DataJointException(record.getSimpleName() + "." + name + " (" + target.getSimpleName()
                    + ") cannot hold " + value, e);
        }
        throw new DataJointException(record.getSimpleName() + "." + name + " is " + target.getSimpleName()
                + " but the value is " + value.getClass().getSimpleName());
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        for (Class<?> b : List.of(Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
                Boolean.class, Character.class)) {
            try {
                if (b.getField("TYPE").get(null) == c) {
                    return b;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }
}
