package org.datajoint.dialect.postgres;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes rows in the text format of PostgreSQL's {@code COPY}: values separated by tabs, rows
 * ended by newlines, {@code \N} for null, and backslash escapes for the characters that would
 * break that framing. Values print as pgjdbc would bind them, so a loaded row equals an inserted one.
 */
final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {
    }

    /** Appends one row and its newline to {@code out}. */
    static void appendRow(StringBuilder out, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, row[i]);
        }
        out.append('\n');
    }

    private static void appendValue(StringBuilder out, Object value) throws SQLException {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            appendText(out, text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof java.util.UUID) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof LocalDateTime t) {
            appendDateTime(out, t);
        } else if (value instanceof LocalDate d) {
            appendDate(out, d);
        } else if (value instanceof byte[] bytes) {
            appendBytes(out, bytes);
        } else {
            throw new SQLException("COPY cannot send a " + value.getClass().getName() + " value", "22023");
        }
    }

    private static void appendText(StringBuilder out, String text) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> throw new SQLException("Zero bytes may not occur in string parameters.", "22023");
                default -> out.append(c);
            }
        }
    }

    /** {@code \\x} and lower-case hex: the bytea hex format, its backslash escaped for COPY. */
    private static void appendBytes(StringBuilder out, byte[] bytes) {
        out.append("\\\\x");
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    /** The date with a year of at least four digits, and {@code BC} for years before 1 as PostgreSQL writes them. */
    private static void appendDate(StringBuilder out, LocalDate date) {
        appendYearMonthDay(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        if (date.getYear() <= 0) {
            out.append(" BC");
        }
    }

    /** The timestamp rounded to microseconds as pgjdbc rounds it (499 nanoseconds and less down, else up). */
    private static void appendDateTime(StringBuilder out, LocalDateTime value) {
        int extra = value.getNano() % 1000;
        LocalDateTime t = extra > 499 ? value.plusNanos(1000 - extra) : value;
        appendYearMonthDay(out, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        out.append(' ');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            out.append('.');
            pad(out, micros, 6);
        }
        if (t.getYear() <= 0) {
            out.append(" BC");
        }
    }

    private static void appendYearMonthDay(StringBuilder out, int year, int month, int day) {
        pad(out, year > 0 ? year : 1 - year, 4);
        out.append('-');
        pad(out, month, 2);
        out.append('-');
        pad(out, day, 2);
    }

    private static void pad(StringBuilder out, int value, int width) {
        int start = out.length();
        out.append(value);
        for (int digits = out.length() - start; digits < width; digits++) {
            out.insert(start, '0');
        }
    }
}
