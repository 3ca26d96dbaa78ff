package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PhcConv2dTest {

    @Test
    void assembledWeightIsTheSumOfKroneckerProducts() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            int n = 2;
            PhcConv2d phc = new PhcConv2d("p", n, 4, 6, 3, 1, 1, 3);
            INDArray a = phc.parameters().get(0).value();
            INDArray f = phc.parameters().get(1).value();
            INDArray w = phc.weight();
            for (int o = 0; o < 6; o++) {
                for (int i = 0; i < 4; i++) {
                    double expected = 0;
                    for (int k = 0; k < n; k++) {
                        expected += a.getDouble(k, o / 3, i / 2) * f.getDouble(k, o % 3, i % 2, 1, 2);
                    }
                    assertEquals(expected, w.getDouble(o, i, 1, 2), 1e-12, "W[" + o + "," + i + "]");
                }
            }
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        }
    }

    @Test
    void gradientsOfAlgebraAndFiltersMatchFiniteDifferences() {
        GradientCheck.useDoublePrecision();
        try {
            PhcConv2d phc = new PhcConv2d("p", 2, 4, 4, 3, 2, 1, 5);
            GradientCheck.check(phc, GradientCheck.randn(6, 2, 5, 5, 4), true, 40, 1e-5);
            PhcConv2d phc3 = new PhcConv2d("q", 3, 3, 6, 1, 1, 0, 7);
            GradientCheck.check(phc3, GradientCheck.randn(8, 2, 4, 4, 3), true, 40, 1e-5);
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        }
    }

    @Test
    void hasAboutOneNthOfTheParameters() {
        for (int n : new int[]{2, 3, 4}) {
            int c = 12 * n;
            long real = new Conv2d("c", c, c, 3, 1, 1, 1).parameterCount();
            long phc = new PhcConv2d("p", n, c, c, 3, 1, 1, 1).parameterCount();
            assertEquals((long) n * n * n + real / n, phc);
        }
    }

    @Test
    void assembledWeightHasHeVariance() {
        PhcConv2d phc = new PhcConv2d("p", 4, 256, 256, 3, 1, 1, 11);
        double var = phc.weight().varNumber().doubleValue();
        double he = 2.0 / (256 * 9);
        assertTrue(var > 0.5 * he && var < 2 * he, "variance " + var + " vs He " + he);
    }

    @Test
    void refusesChannelCountsNotDivisibleByN() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PhcConv2d("p", 4, 3, 16, 3, 1, 1, 1));
        assertTrue(e.getMessage().contains("divisible"), e.getMessage());
    }
}
