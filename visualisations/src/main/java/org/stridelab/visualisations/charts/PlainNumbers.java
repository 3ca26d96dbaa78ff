package org.stridelab.visualisations.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Axis numbers as people write them: a few significant digits and never an
 * exponent ({@code 0.09998}, not JFreeChart's {@code 9.998E-2}, which it
 * chooses for the narrow range of a learning rate early in a cosine schedule).
 */
final class PlainNumbers extends NumberFormat {
    private final MathContext digits;

    PlainNumbers(int significantDigits) {
        this.digits = new MathContext(significantDigits);
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        if (!Double.isFinite(number)) {
            return to.append(number);
        }
        if (number == 0) {
            return to.append('0');
        }
        return to.append(new BigDecimal(number).round(digits).stripTrailingZeros().toPlainString());
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return to.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return null; // axes only format
    }
}
