package org.stridelab.visualisations.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainNumbersTest {

    @Test
    void learningRatesReadAsDecimalsWithoutExponents() {
        PlainNumbers f = new PlainNumbers(4);
        assertEquals("0.09998", f.format(0.09998));
        assertEquals("0.1", f.format(0.1));
        assertEquals("0.00001234", f.format(1.23400001e-5));
        assertEquals("0", f.format(0.0));
        assertEquals("-0.5", f.format(-0.5));
        assertEquals("12350", f.format(12345.6));
    }
}
