package org.datajoint.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Dates and times in no time zone, so that a value means the same in every JVM: values are read
 * as java.time types (never as java.sql types, whose meaning follows the JVM's default zone), a
 * {@link java.sql.Timestamp}, {@link java.sql.Date} or {@link java.sql.Time} is taken by its
 * fields as JDBC reads it (the wall-clock value it shows), and instants and zoned times are
 * stored in UTC, the zone of every session.
 */
final class TemporalValues {

    /** How a native (non-core) type's values are read. */
    enum NativeKind {
        DATE, TIME, DATETIME, INSTANT, OTHER;

        /** The kind of the server's type text: {@code timestamp(3)}, {@code time without time zone}, {@code year}. */
        static NativeKind of(String sqlType) {
            String t = sqlType.toLowerCase(Locale.ROOT);
            boolean zoned = t.contains("with time zone") || t.equals("timestamptz");
            if (t.startsWith("timestamp") || t.startsWith("datetime")) {
                return zoned ? INSTANT : DATETIME;
            }
            if (t.startsWith("time")) {
                return zoned ? OTHER : TIME;
            }
            return t.equals("date") ? DATE : OTHER;
        }
    }

    private TemporalValues() {
    }

    /** A value of a native type in column {@code index}, temporal ones as java.time values. */
    static Object readNative(ResultSet rs, int index, NativeKind kind) throws SQLException {
        return switch (kind) {
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case DATETIME -> rs.getObject(index, LocalDateTime.class);
            case INSTANT -> {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                yield t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case OTHER -> rs.getObject(index);
        };
    }

    /** A computed value of a temporal SQL type (date, time, timestamp, timestamp with time zone) as a java.time value. */
    static Object readComputed(ResultSet rs, int index, int sqlType) throws SQLException {
        return switch (sqlType) {
            case java.sql.Types.DATE -> rs.getObject(index, LocalDate.class);
            case java.sql.Types.TIME -> rs.getObject(index, LocalTime.class);
            case java.sql.Types.TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> readNative(rs, index, NativeKind.INSTANT);
            default -> null;
        };
    }

    /** A value for a native type: java.sql dates and times become java.time values by their fields; others pass. */
    static Object bindNative(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return value;
    }

    /** A {@code date} value. */
    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("a date cannot hold the time of " + t);
            }
            return t.toLocalDate();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(text(value));
    }

    /** A {@code datetime} value: datetimes without a zone are taken as given; instants and zoned times in UTC. */
    static LocalDateTime datetime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        String s = text(value).replace(' ', 'T');
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
    }

    private static String text(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString().strip();
        }
        throw new IllegalArgumentException("a text value or a matching Java type is needed");
    }
}
