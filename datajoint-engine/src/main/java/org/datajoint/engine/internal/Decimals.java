package org.datajoint.engine.internal;

import java.math.BigDecimal;
import org.datajoint.DataJointException;
import org.datajoint.engine.spi.CoreType;

/**
 * The capacity of {@code decimal(p,s)}. Both servers would round a value with more than
 * {@code s} digits after the point (half away from zero, as DataJoint for Python then stores it);
 * the library refuses it instead, as it refuses a fraction for an integer type, so that no digit
 * is lost without the caller asking for it.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * Checks that {@code value} has no more digits after the point than {@code type} keeps;
     * trailing zeros do not count.
     *
     * @param given the value as the caller passed it, for the message
     * @throws DataJointException naming the attribute, the value and the declared type
     */
    static void check(String attribute, CoreType type, BigDecimal value, Object given) {
        int scale = Integer.parseInt(type.args().get(1));
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > scale) {
            throw new DataJointException("Attribute '" + attribute + "' of type " + type.text() + " keeps " + scale
                    + (scale == 1 ? " digit" : " digits") + " after the decimal point and cannot hold " + given
                    + " exactly; round the value first, for example with BigDecimal.setScale(" + scale
                    + ", RoundingMode.HALF_UP), which gives what the servers store for DataJoint for Python,"
                    + " or declare a larger scale");
        }
    }
}
