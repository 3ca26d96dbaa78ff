package org.stridelab.visualisations.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmaSmootherTest {

    @Test
    void biasCorrectionKeepsAConstantConstant() {
        EmaSmoother s = new EmaSmoother(0.9);
        for (int i = 0; i < 20; i++) {
            assertEquals(2.5, s.next(2.5), 1e-12); // without the correction the first values would be ~0.25
        }
    }

    @Test
    void weightZeroIsTheRawValue() {
        EmaSmoother s = new EmaSmoother(0);
        assertEquals(3, s.next(3));
        assertEquals(7, s.next(7));
    }

    @Test
    void skipsNonFiniteValues() {
        EmaSmoother s = new EmaSmoother(0.5);
        s.next(1);
        assertEquals(1, s.next(Double.NaN), 1e-12);
    }
}
