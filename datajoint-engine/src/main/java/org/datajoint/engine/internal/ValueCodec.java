package org.datajoint.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.engine.internal.definition.DeclaredType;
import org.datajoint.engine.spi.CoreType;

/**
 * Converts one attribute's values between Java and JDBC by its DataJoint type, so that every
 * backend returns the same Java type for the same DataJoint type.
 */
final class ValueCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Attribute attribute;
    private final CoreType coreType;
    private final String core;
    private final boolean uuidAsBinary;

    ValueCodec(Attribute attribute, boolean uuidAsBinary) {
        this.attribute = attribute;
        CoreType t;
        try {
            DeclaredType declared = DeclaredType.parse(attribute.type());
            t = declared.isCore() ? new CoreType(declared.core(), declared.args()) : null;
        } catch (IllegalArgumentException e) {
            t = null;
        }
        this.coreType = t;
        this.core = t == null ? null : t.name();
        this.uuidAsBinary = uuidAsBinary;
    }

    Attribute attribute() {
        return attribute;
    }

    /** The core type, or {@code null} for a native type. */
    CoreType coreType() {
        return coreType;
    }

    /** The current row of {@code rs}, one column per codec in order. */
    static Map<String, Object> readRow(ResultSet rs, List<ValueCodec> codecs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(codecs.size() * 2);
        for (int i = 0; i < codecs.size(); i++) {
            row.put(codecs.get(i).attribute.name(), codecs.get(i).fromJdbc(rs, i + 1));
        }
        return row;
    }

    /**
     * The value to bind for this attribute. A float32 is bound as the double of exactly the same
     * value, because its shortest decimal text can lie just outside the server's float range.
     */
    Object toJdbc(Object value) {
        if (value == null || core == null) {
            return value;
        }
        try {
            return switch (core) {
                case "int8" -> (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case "int16" -> (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
                case "int32" -> (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "int64" -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "float32" -> (double) (value instanceof Number n ? n.floatValue() : Float.parseFloat(text(value)));
                case "float64" -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value));
                case "decimal" -> value instanceof BigDecimal b ? b : new BigDecimal(value.toString().strip());
                case "bool" -> value instanceof Boolean b ? b : parseBoolean(value);
                case "uuid" -> uuid(value);
                case "date" -> value instanceof LocalDate d ? d : LocalDate.parse(text(value));
                case "datetime" -> value instanceof LocalDateTime d ? d : LocalDateTime.parse(text(value).replace(' ', 'T'));
                case "json" -> value instanceof String s ? s : JSON.writeValueAsString(value);
                case "bytes" -> bytes(value);
                default -> value instanceof String ? value : text(value);
            };
        } catch (RuntimeException | JsonProcessingException e) {
            if (e instanceof DataJointException d) {
                throw d;
            }
            throw new DataJointException("Attribute '" + attribute.name() + "' of type " + attribute.type()
                    + " cannot take a " + value.getClass().getSimpleName() + " value: " + e.getMessage(), e);
        }
    }

    /** The value of this attribute in column {@code index} of the current row. */
    Object fromJdbc(ResultSet rs, int index) throws SQLException {
        if (core == null) {
            return rs.getObject(index);
        }
        Object v = switch (core) {
            case "int8" -> rs.getByte(index);
            case "int16" -> rs.getShort(index);
            case "int32" -> rs.getInt(index);
            case "int64" -> rs.getLong(index);
            case "float32" -> rs.getFloat(index);
            case "float64" -> rs.getDouble(index);
            case "bool" -> rs.getBoolean(index);
            case "decimal" -> rs.getBigDecimal(index);
            case "date" -> rs.getObject(index, LocalDate.class);
            case "datetime" -> rs.getObject(index, LocalDateTime.class);
            case "uuid" -> uuidAsBinary ? fromBytes(rs.getBytes(index)) : rs.getObject(index, UUID.class);
            case "bytes" -> rs.getBytes(index);
            case "json" -> parseJson(rs.getString(index));
            case "char" -> stripPadding(rs.getString(index));
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : v;
    }

    private long integer(Object value, long min, long max) {
        long v;
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigDecimal || value instanceof java.math.BigInteger || value instanceof String) {
            v = new BigDecimal(value.toString().strip()).longValueExact();
        } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            v = n.longValue();
        } else {
            throw new IllegalArgumentException("an integer is needed");
        }
        if (v < min || v > max) {
            throw new DataJointException("Attribute '" + attribute.name() + "' of type " + attribute.type()
                    + " cannot hold " + v + "; the range is " + min + " to " + max);
        }
        return v;
    }

    private Object uuid(Object value) {
        UUID u = value instanceof UUID x ? x : UUID.fromString(text(value));
        if (!uuidAsBinary) {
            return u;
        }
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private static UUID fromBytes(byte[] b) {
        if (b == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buf) {
            byte[] out = new byte[buf.remaining()];
            buf.duplicate().get(out);
            return out;
        }
        throw new IllegalArgumentException("bytes need a byte[] or ByteBuffer");
    }

    private static boolean parseBoolean(Object value) {
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        String s = text(value).toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("1")) {
            return true;
        }
        if (s.equals("false") || s.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("a boolean is needed");
    }

    private static String text(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString().strip();
        }
        throw new IllegalArgumentException("a text value or a matching Java type is needed");
    }

    /** char(n) values without the trailing blanks some servers pad them with, as MySQL returns them. */
    private static String stripPadding(String text) {
        return text == null ? null : text.replaceFirst(" +$", "");
    }

    private static Object parseJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return JSON.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw new DataJointException("Stored json is not valid JSON: " + e.getMessage(), e);
        }
    }

    static List<ValueCodec> of(List<Attribute> attributes, boolean uuidAsBinary) {
        return attributes.stream().map(a -> new ValueCodec(a, uuidAsBinary)).toList();
    }

}
