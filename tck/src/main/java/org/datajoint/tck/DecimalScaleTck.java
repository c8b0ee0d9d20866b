package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJointException;
import org.datajoint.QueryException;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * A {@code decimal(p,s)} value with more than {@code s} digits after the point is refused, on
 * every backend, by every way of writing; MySQL and PostgreSQL would round it silently (half away
 * from zero, which is what DataJoint for Python 2.3.2 stores on both).
 */
public interface DecimalScaleTck extends TckTarget {

    @Test
    default void decimalsWithMoreDigitsThanDeclaredAreRefusedNotRounded(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("decimals"))
                .manual("Amount", "amount_id : int32\n---\namount : decimal(5,2)\n");
        for (Object tooFine : List.of(new BigDecimal("1.2345"), 1.2345, "1.2345", 1.2345f, 999.995, new BigDecimal("1E-7"))) {
            DataJointException e = assertThrows(DataJointException.class,
                    () -> t.insert1(Map.of("amount_id", 1, "amount", tooFine)), tooFine + " must be refused");
            String m = e.getMessage();
            assertTrue(m.contains("'amount'") && m.contains("decimal(5,2)") && m.contains("2 digits after the decimal point")
                    && m.contains(tooFine.toString()) && m.contains("setScale(2, RoundingMode.HALF_UP)"), m);
        }
        for (Object tooLarge : List.of(1000, new BigDecimal("-1000.5"), 12345.6, "1E+3")) {
            assertThrows(QueryException.class, () -> t.insert1(Map.of("amount_id", 1, "amount", tooLarge)),
                    tooLarge + " has too many digits before the point; the server refuses it");
        }
        assertEquals(0, t.count(), "nothing was stored");

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < 1_200; i++) {
            rows.add(Map.of("amount_id", i, "amount", new BigDecimal(i % 1000).movePointLeft(1)));
        }
        rows.add(Map.of("amount_id", 1_200, "amount", new BigDecimal("0.001")));
        DataJointException inBulk = assertThrows(DataJointException.class, () -> t.insert(rows));
        assertTrue(inBulk.getMessage().contains("Row 1200") && inBulk.getMessage().contains("0.001"), inBulk.getMessage());
        assertEquals(0, t.count(), "no row of a refused insert was stored");

        t.insert(List.of(Map.of("amount_id", 1, "amount", new BigDecimal("1.20")),
                Map.of("amount_id", 2, "amount", new BigDecimal("1.2000")),
                Map.of("amount_id", 3, "amount", 0.1),
                Map.of("amount_id", 4, "amount", "-999.99"),
                Map.of("amount_id", 5, "amount", 0),
                Map.of("amount_id", 6, "amount", new BigDecimal("1E+2")),
                Map.of("amount_id", 7, "amount", 12.5f),
                Map.of("amount_id", 8, "amount", new BigDecimal("1.235").setScale(2, RoundingMode.HALF_UP))));
        assertEquals(List.of(new BigDecimal("1.20"), new BigDecimal("1.20"), new BigDecimal("0.10"), new BigDecimal("-999.99"),
                new BigDecimal("0.00"), new BigDecimal("100.00"), new BigDecimal("12.50"), new BigDecimal("1.24")),
                t.orderBy("amount_id").column("amount", BigDecimal.class),
                "values that fit are stored exactly; trailing zeros do not count; rounding half up is the caller's choice");

        DataJointException update = assertThrows(DataJointException.class,
                () -> t.update1(Map.of("amount_id", 1, "amount", new BigDecimal("7.777"))));
        assertTrue(update.getMessage().contains("'amount'") && update.getMessage().contains("7.777"), update.getMessage());
        assertEquals(new BigDecimal("1.20"), t.restrict(Map.of("amount_id", 1)).fetch1().get("amount"), "the update changed nothing");

        assertEquals(0, t.restrict(Map.of("amount", new BigDecimal("1.2345"))).count(),
                "a restriction by a value the attribute cannot hold matches nothing, and is no error");
        assertEquals(2, t.restrict(Map.of("amount", new BigDecimal("1.200"))).count());
    }
}
