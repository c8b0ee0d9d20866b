package org.datajoint.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
        String module = row.getClass().getModule().getName();
        if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
            throw notARow(row);
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
        } catch (IllegalAccessException e) {
            throw notARow(row);
        } catch (InvocationTargetException e) {
            throw new DataJointException("Cannot read the row " + row.getClass().getName() + ": "
                    + e.getCause(), e.getCause());
        }
        if (out.isEmpty()) {
            throw notARow(row);
        }
        return out;
    }

    private static DataJointException notARow(Object row) {
        return new DataJointException("A row must be a Map, a record or a public bean with getters; got "
                + row.getClass().getName() + (row instanceof java.nio.file.Path
                        ? " (to insert a CSV file, call insert(Path) with the path typed as java.nio.file.Path)" : ""));
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

    /**
     * Reads result rows straight into records of {@code type}, each component from the column of
     * its name, matched once. One reader serves one result set: the constructor's arguments are
     * gathered in one array reused row after row, so that a million rows leave no million arrays
     * for the collector.
     */
    static <R extends Record> Rows.RowReader<R> recordReader(Class<R> type, List<ValueCodec> codecs) {
        RecordShape shape = RECORDS.get(type);
        List<String> names = codecs.stream().map(ValueCodec::outputName).toList();
        int[] columns = new int[shape.names.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = names.indexOf(shape.names[i]);
            if (columns[i] < 0) {
                throw missingComponent(type, shape.names[i], names);
            }
        }
        Object[] args = new Object[columns.length];
        return rs -> {
            for (int i = 0; i < columns.length; i++) {
                args[i] = convert(codecs.get(columns[i]).fromJdbc(rs, columns[i] + 1), shape.types[i], type,
                        shape.names[i]);
            }
            return construct(type, shape, args);
        };
    }

    private static DataJointException missingComponent(Class<?> type, String name, java.util.Collection<String> have) {
        return new DataJointException("Record " + type.getSimpleName() + " has component '" + name
                + "', which the result does not have; it has " + have);
    }

    private static <R> R construct(Class<R> type, RecordShape shape, Object[] args) {
        try {
            return type.cast(shape.constructor.invokeExact(args));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new DataJointException("Cannot build record " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** A record class's component names and types and its canonical constructor, looked up once. */
    private record RecordShape(String[] names, Class<?>[] types, MethodHandle constructor) {
    }

    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor);
                return new RecordShape(names, types, handle.asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Object.class, Object[].class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new DataJointException("Cannot build record " + type.getSimpleName() + ": " + e, e);
            }
        }
    };

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
            if (isIntegral(value) && isIntegral(boxed)) {
                return narrow(((Number) value).longValue(), boxed);
            }
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
                    return exactly(d, n.doubleValue(), Double.toString(n.doubleValue()));
                }
                if (boxed == Float.class) {
                    return exactly(d, n.floatValue(), Float.toString(n.floatValue()));
                }
                if (boxed == BigDecimal.class) {
                    return d;
                }
                if (boxed == BigInteger.class) {
                    return d.toBigIntegerExact();
                }
            }
            if (boxed == String.class && isScalar(value)) {
                return value.toString();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DataJointException(record.getSimpleName() + "." + name + " (" + target.getSimpleName()
                    + ") cannot hold " + value, e);
        }
        throw new DataJointException(record.getSimpleName() + "." + name + " is " + target.getSimpleName()
                + " but the value is " + value.getClass().getSimpleName());
    }

    /** {@code narrowed} when its shortest decimal text is the value's, else an ArithmeticException. */
    private static Object exactly(BigDecimal value, Object narrowed, String text) {
        if (new BigDecimal(text).compareTo(value) != 0) {
            throw new ArithmeticException("not exactly representable");
        }
        return narrowed;
    }

    /** Values whose text is what they mean: not arrays, collections or maps. */
    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof java.util.UUID || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static boolean isIntegral(Class<?> boxed) {
        return boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == Byte.class;
    }

    /** An integral value as a narrower or wider integral type; one that does not fit is an error. */
    private static Object narrow(long v, Class<?> boxed) {
        if (boxed == Long.class) {
            return v;
        }
        if (boxed == Integer.class && v == (int) v) {
            return (int) v;
        }
        if (boxed == Short.class && v == (short) v) {
            return (short) v;
        }
        if (boxed == Byte.class && v == (byte) v) {
            return (byte) v;
        }
        throw new ArithmeticException("Overflow");
    }

    /** Each primitive type's wrapper class, looked up without the allocation {@code MethodType.wrap()} makes per call. */
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, boolean.class, Boolean.class, float.class, Float.class, short.class,
            Short.class, byte.class, Byte.class, char.class, Character.class, void.class, Void.class);

    private static Class<?> box(Class<?> c) {
        return c.isPrimitive() ? WRAPPERS.get(c) : c;
    }
}
