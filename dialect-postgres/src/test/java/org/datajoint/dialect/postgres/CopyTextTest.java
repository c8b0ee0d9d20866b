package org.datajoint.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String row(Object... values) throws SQLException {
        StringBuilder out = new StringBuilder();
        CopyText.appendRow(out, values);
        return out.toString();
    }

    @Test
    void framingCharactersAreEscapedAndNullIsMarked() throws SQLException {
        assertEquals("a\\tb\t\\N\tc\\nd\\re\\\\\t\\\\N\n", row("a\tb", null, "c\nd\re\\", "\\N"));
    }

    @Test
    void numbersBooleansUuidsAndBytesPrintAsServerInput() throws SQLException {
        assertEquals("-7\t9223372036854775807\t1.0E300\t0.000100\tt\tf\t00000000-0000-0001-0000-000000000002\t\\\\x005cff\n",
                row(-7, Long.MAX_VALUE, 1e300, new BigDecimal("1.00E-4"), true, false, new UUID(1, 2),
                        new byte[] {0, 0x5c, (byte) 0xff}));
    }

    @Test
    void datesPadTheirYearAndMarkYearsBeforeOne() throws SQLException {
        assertEquals("0099-01-02\t0001-12-31 BC\t10000-01-01\n",
                row(LocalDate.of(99, 1, 2), LocalDate.of(0, 12, 31), LocalDate.of(10000, 1, 1)));
    }

    @Test
    void timestampsRoundToMicrosecondsAsTheDriverDoes() throws SQLException {
        LocalDateTime t = LocalDateTime.of(2024, 12, 31, 23, 59, 59);
        assertEquals("2024-12-31 23:59:59\t2024-12-31 23:59:59.000001\t2024-12-31 23:59:59.000001\t2025-01-01 00:00:00\t"
                + "0001-01-01 00:00:00.500000 BC\n",
                row(t, t.plusNanos(1_499), t.plusNanos(500), t.plusNanos(999_999_500),
                        LocalDateTime.of(0, 1, 1, 0, 0, 0, 500_000_000)));
    }

    @Test
    void aNulCharacterOrAnUnknownTypeIsRefusedWithTheDriversState() {
        assertEquals("22023", assertThrows(SQLException.class, () -> row("a\u0000b")).getSQLState());
        assertEquals("22023", assertThrows(SQLException.class, () -> row(new Object())).getSQLState());
    }
}
