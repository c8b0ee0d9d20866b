package org.datajoint.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /** Declared type text to its core type; a native type maps to an empty Optional. */
    private static final Map<String, java.util.Optional<CoreType>> CORE_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Attribute attribute;
    private final CoreType coreType;
    /** How values of the core type convert, or {@code null} for a native type. */
    private final Kind core;
    private final boolean uuidAsBinary;
    private final String outputName;
    /** Whether the value is read by a primitive getter, which reads SQL null as zero or false. */
    private final boolean primitive;
    /** How values of a native type are read. */
    private final TemporalValues.NativeKind nativeKind;

    ValueCodec(Attribute attribute, boolean uuidAsBinary) {
        this(attribute, uuidAsBinary, attribute.name());
    }

    private ValueCodec(Attribute attribute, boolean uuidAsBinary, String outputName) {
        this.attribute = attribute;
        this.outputName = outputName;
        CoreType t = CORE_TYPES.computeIfAbsent(attribute.type(), ValueCodec::parseCore).orElse(null);
        this.coreType = t;
        this.core = t == null ? null : Kind.of(t.name());
        this.uuidAsBinary = uuidAsBinary;
        this.primitive = core != null && switch (core) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOL -> true;
            default -> false;
        };
        this.nativeKind = t == null ? TemporalValues.NativeKind.of(attribute.type()) : TemporalValues.NativeKind.OTHER;
    }

    private static java.util.Optional<CoreType> parseCore(String type) {
        try {
            DeclaredType declared = DeclaredType.parse(type);
            return java.util.Optional.ofNullable(declared.isCore() ? new CoreType(declared.core(), declared.args()) : null);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The core types by how their values convert; every other core type is text. */
    private enum Kind {
        INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOL, DECIMAL, DATE, DATETIME, UUID, BYTES, JSON, CHAR, TEXT;

        static Kind of(String coreName) {
            return switch (coreName) {
                case "int8" -> INT8;
                case "int16" -> INT16;
                case "int32" -> INT32;
                case "int64" -> INT64;
                case "float32" -> FLOAT32;
                case "float64" -> FLOAT64;
                case "bool" -> BOOL;
                case "decimal" -> DECIMAL;
                case "date" -> DATE;
                case "datetime" -> DATETIME;
                case "uuid" -> UUID;
                case "bytes" -> BYTES;
                case "json" -> JSON;
                case "char" -> CHAR;
                default -> TEXT;
            };
        }
    }

    Attribute attribute() {
        return attribute;
    }

    /** This codec delivering its values under another name (a renamed attribute). */
    ValueCodec named(String name) {
        return name.equals(outputName) ? this : new ValueCodec(attribute, uuidAsBinary, name);
    }

    boolean uuidAsBinary() {
        return uuidAsBinary;
    }

    /** The name under which fetched values are delivered. */
    String outputName() {
        return outputName;
    }

    /** The core type, or {@code null} for a native type. */
    CoreType coreType() {
        return coreType;
    }

    /** The current row of {@code rs}, one column per codec in order. */
    static Map<String, Object> readRow(ResultSet rs, List<ValueCodec> codecs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(codecs.size() * 2);
        for (int i = 0; i < codecs.size(); i++) {
            ValueCodec c = codecs.get(i);
            row.put(c.outputName, c.fromJdbc(rs, i + 1));
        }
        return row;
    }

    /**
     * The value to bind for this attribute. A float32 is bound as the double of exactly the same
     * value, because its shortest decimal text can lie just outside the server's float range.
     */
    Object toJdbc(Object value) {
        if (value == null || core == null) {
            return TemporalValues.bindNative(value);
        }
        try {
            return switch (core) {
                case INT8 -> (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case INT16 -> (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
                case INT32 -> value instanceof Integer ? value : (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case INT64 -> value instanceof Long ? value : integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case FLOAT32 -> (double) (float) finite(value, Float.MAX_VALUE);
                case FLOAT64 -> value instanceof Double d && Double.isFinite(d) ? value : finite(value, Double.MAX_VALUE);
                case DECIMAL -> value instanceof BigDecimal b ? b : new BigDecimal(value.toString().strip());
                case BOOL -> value instanceof Boolean b ? b : parseBoolean(value);
                case UUID -> uuid(value);
                case DATE -> TemporalValues.date(value);
                case DATETIME -> TemporalValues.datetime(value);
                case JSON -> value instanceof String s ? JSON.readTree(s).toString() : JSON.writeValueAsString(value);
                case BYTES -> bytes(value);
                default -> wellFormed(value instanceof String t ? t : text(value));
            };
        } catch (RuntimeException | JsonProcessingException e) {
            if (e instanceof DataJointException d) {
                throw d;
            }
            throw new DataJointException("Attribute '" + attribute.name() + "' of type " + attribute.type()
                    + " cannot take a " + value.getClass().getSimpleName() + " value: " + e.getMessage(), e);
        }
    }

    /**
     * The value to store for this attribute: {@link #toJdbc}, and a decimal with more digits
     * after the point than its scale is refused rather than rounded. A comparison in a
     * restriction takes {@link #toJdbc} and simply matches nothing.
     */
    Object toStored(Object value) {
        Object v = toJdbc(value);
        if (core == Kind.DECIMAL && v instanceof BigDecimal d) {
            Decimals.check(attribute.name(), coreType, d, value);
        }
        return v;
    }

    /**
     * Binds a converted value with the setter of its Java type, as {@code setObject} would but
     * without the driver's lookup of the type: the common types of a bulk insert take the short path.
     */
    static void bind(java.sql.PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof String text) {
            ps.setString(index, text);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setObject(index, value);
        }
    }

    /** The value of this attribute in column {@code index} of the current row. */
    Object fromJdbc(ResultSet rs, int index) throws SQLException {
        if (core == null) {
            return attribute.type().isEmpty() ? computed(rs, index) : TemporalValues.readNative(rs, index, nativeKind);
        }
        Object v = switch (core) {
            case INT8 -> rs.getByte(index);
            case INT16 -> rs.getShort(index);
            case INT32 -> rs.getInt(index);
            case INT64 -> rs.getLong(index);
            case FLOAT32 -> rs.getFloat(index);
            case FLOAT64 -> rs.getDouble(index);
            case BOOL -> rs.getBoolean(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case DATE -> rs.getObject(index, java.time.LocalDate.class);
            case DATETIME -> rs.getObject(index, java.time.LocalDateTime.class);
            case UUID -> uuidAsBinary ? fromBytes(rs.getBytes(index)) : rs.getObject(index, UUID.class);
            case BYTES -> rs.getBytes(index);
            case JSON -> parseJson(rs.getString(index));
            case CHAR -> stripPadding(rs.getString(index));
            default -> rs.getString(index);
        };
        return primitive && rs.wasNull() ? null : v;
    }

    /**
     * A computed value by its SQL result type, the same Java type on every backend: exact numbers
     * as Long when whole (backends disagree on whether {@code SUM} of integers is an integer or a
     * decimal), else as BigDecimal without trailing zeros; floating numbers as Double; dates and
     * times as java.time values.
     */
    private static Object computed(ResultSet rs, int index) throws SQLException {
        int type = rs.getMetaData().getColumnType(index);
        Object v = switch (type) {
            case java.sql.Types.TINYINT, java.sql.Types.SMALLINT, java.sql.Types.INTEGER, java.sql.Types.BIGINT -> {
                BigDecimal d = rs.getBigDecimal(index);
                yield d == null ? null : exactLong(d);
            }
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> {
                BigDecimal d = rs.getBigDecimal(index);
                yield d == null ? null : exactLong(d);
            }
            case java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE -> rs.getDouble(index);
            case java.sql.Types.BIT, java.sql.Types.BOOLEAN -> rs.getBoolean(index);
            case java.sql.Types.DATE, java.sql.Types.TIME, java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE ->
                    TemporalValues.readComputed(rs, index, type);
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.LONGVARCHAR, java.sql.Types.NCHAR,
                    java.sql.Types.NVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB -> rs.getString(index);
            default -> rs.getObject(index);
        };
        return rs.wasNull() ? null : v;
    }

    private static Object exactLong(BigDecimal d) {
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return strip(d);
        }
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * A finite floating value within {@code max}: NaN and the infinities are refused on every
     * backend, since MySQL cannot store them (use {@code null} for a missing value).
     */
    private double finite(Object value, double max) {
        double v = value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value));
        if (Double.isNaN(v) || Math.abs(v) > max) {
            throw new DataJointException("Attribute '" + attribute.name() + "' of type " + attribute.type()
                    + " cannot hold " + v + "; store a finite number, or null for a missing value");
        }
        return v;
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
        if (value instanceof CharSequence text) {
            String hex = text.toString().strip();
            hex = hex.startsWith("0x") || hex.startsWith("0X") || hex.startsWith("\\x") ? hex.substring(2) : hex;
            try {
                return java.util.HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bytes as text must be hexadecimal (optionally 0x...)", e);
            }
        }
        if (value instanceof ByteBuffer buf) {
            byte[] out = new byte[buf.remaining()];
            buf.duplicate().get(out);
            return out;
        }
        throw new IllegalArgumentException("bytes need a byte[], a ByteBuffer or hexadecimal text");
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

    /** The text itself, unless it holds a lone surrogate, which drivers would store as '?'. */
    private static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the text holds a lone"
                        + " surrogate U+%04X at index %d, which is not Unicode and would be stored as '?'", (int) c, i));
            }
        }
        return text;
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
