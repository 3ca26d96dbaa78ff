package org.stridelab.engine.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpectralGeometryTest {

    @ParameterizedTest(name = "fixed {0}x{1} at ({2}, {3}) -> {4}x{5}")
    @CsvSource({"32, 32, 2, 2, 16, 16", "64, 64, 2, 4, 32, 16", "32, 32, 3, 1, 10, 32", "15, 17, 2, 2, 6, 8"})
    void fixedWorkedExamples(int bigH, int bigW, double sh, double sw, int h, int w) {
        assertArrayEquals(new int[] {h, w}, SpectralGeometry.fixedOutputSize(bigH, bigW, sh, sw));
        AxisCrop rows = SpectralGeometry.fixedRows(bigH, sh);
        AxisCrop cols = SpectralGeometry.fixedColumns(bigW, sw);
        assertEquals(h, rows.kept().length);
        assertEquals(w / 2 + 1, cols.kept().length);
        assertArrayEquals(new int[] {h, w}, new SpectralPooling(sh, sw).outputSize(bigH, bigW));
    }

    @Test
    void fixedKeepsLowestRowsOnBothSides() {
        // 15x17 at 2: h = 6, lower = 3, upper = 12
        assertArrayEquals(new int[] {0, 1, 2, 12, 13, 14}, SpectralGeometry.fixedRows(15, 2).kept());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, SpectralGeometry.fixedColumns(17, 2).kept());
        // h is floored to 2 at most
        assertEquals(2, SpectralGeometry.fixedOutputHeight(8, 7.5));
        assertEquals(2, SpectralGeometry.fixedOutputWidth(8, 7.5));
        // non-integer strides are fine-grained
        assertEquals(26, SpectralGeometry.fixedOutputHeight(32, 1.2));
        assertEquals(26, SpectralGeometry.fixedOutputWidth(32, 1.2));
    }

    @ParameterizedTest(name = "DiffStride {0}x{1} at ({2}, {3}) -> {4}x{5}")
    @CsvSource({"32, 32, 2, 2, 24, 24", "64, 64, 2, 4, 40, 24", "16, 16, 1.7, 2.6, 16, 16",
        "24, 24, 3.1, 1.4, 16, 24"})
    void diffStrideWorkedExamples(int bigH, int bigW, double sh, double sw, int h, int w) {
        double r = 4;
        double ch = SpectralGeometry.clampStride(bigH, sh, r);
        double cw = SpectralGeometry.clampStride(bigW, sw, r);
        assertArrayEquals(new int[] {h, w}, SpectralGeometry.diffStrideOutputSize(bigH, bigW, ch, cw, r));
        assertArrayEquals(new int[] {h, w}, new DiffStride("d", sh, sw).outputSize(bigH, bigW));
    }

    @Test
    void rowPositionsMirrorTheReference() {
        // even H: frequency -k at position k - 1
        assertEquals(15, SpectralGeometry.rowPosition(32, 15));
        assertEquals(15, SpectralGeometry.rowPosition(32, 16));
        assertEquals(0, SpectralGeometry.rowPosition(32, 31));
        // odd H: ceil(15/2) = 8 rows count up, then 6..0
        assertEquals(7, SpectralGeometry.rowPosition(15, 7));
        assertEquals(6, SpectralGeometry.rowPosition(15, 8));
        assertEquals(0, SpectralGeometry.rowPosition(15, 14));
    }

    @Test
    void diffStrideCropIsWhereTheMaskIsPositive() {
        AxisCrop rows = SpectralGeometry.diffStrideRows(32, 2, 4);
        // T = 8, ramp from position 8 (1.0) down to 11 (0.25); 12 is out
        int[] expected = new int[24];
        for (int i = 0; i < 12; i++) {
            expected[i] = i;
            expected[12 + i] = 20 + i;
        }
        assertArrayEquals(expected, rows.kept());
        assertEquals(1.0, rows.mask()[8], 1e-15);
        assertEquals(0.75, rows.mask()[9], 1e-15);
        assertEquals(0.25, rows.mask()[11], 1e-15);
        assertEquals(0.0, rows.mask()[12], 1e-15);
        assertEquals(0.25, rows.mask()[20], 1e-15); // position 11
        AxisCrop cols = SpectralGeometry.diffStrideColumns(32, 2, 4);
        // T = 9: columns 0..12 kept, w = 24
        assertEquals(13, cols.kept().length);
        assertEquals(24, cols.outputSize());
        assertEquals(0.25, cols.mask()[12], 1e-15);
    }

    @Test
    void strideOneIsClampedAndLeavesARamp() {
        double min = SpectralGeometry.minimumStride(32, 4);
        assertEquals(32.0 / 28.0, min, 1e-15);
        assertEquals(min, SpectralGeometry.clampStride(32, 1.0, 4), 1e-15);
        assertEquals(2.5, SpectralGeometry.clampStride(32, 2.5, 4), 0);
        AxisCrop rows = SpectralGeometry.diffStrideRows(32, min, 4);
        assertEquals(32, rows.outputSize());
        assertEquals(0.75, rows.mask()[15], 1e-12);
        assertEquals(0.75, rows.mask()[16], 1e-12);
        assertEquals(1.0, rows.mask()[14], 1e-12);
        AxisCrop cols = SpectralGeometry.diffStrideColumns(32, min, 4);
        assertEquals(32, cols.outputSize());
        assertEquals(0.75, cols.mask()[16], 1e-12);
        // when size <= R the bound is meaningless and only 1 applies
        assertEquals(1.0, SpectralGeometry.minimumStride(4, 4), 0);
        assertEquals(1.0, SpectralGeometry.minimumStride(3, 4), 0);
    }

    @Test
    void maskDerivativeOnlyOnTheRamp() {
        double sh = 2.3;
        int bigH = 20;
        AxisCrop rows = SpectralGeometry.diffStrideRows(bigH, sh, 4);
        double slope = (1.0 / 4) * (-bigH / (2 * sh * sh));
        double t = bigH / sh / 2;
        for (int m = 0; m < bigH; m++) {
            double u = (4 + t - SpectralGeometry.rowPosition(bigH, m)) / 4;
            double expected = (u >= 0 && u <= 1) ? slope : 0;
            assertEquals(expected, rows.maskDerivative()[m], 1e-15, "row " + m);
            // and it is the derivative of the mask (finite difference)
            double eps = 1e-7;
            double numeric = (SpectralGeometry.diffStrideRows(bigH, sh + eps, 4).mask()[m]
                - SpectralGeometry.diffStrideRows(bigH, sh - eps, 4).mask()[m]) / (2 * eps);
            assertEquals(numeric, rows.maskDerivative()[m], 1e-6, "row " + m);
        }
        // target floored at 2: no gradient anywhere
        AxisCrop floored = SpectralGeometry.diffStrideRows(8, 5, 4);
        for (double d : floored.maskDerivative()) {
            assertEquals(0.0, d, 0);
        }
        // no ramp without smoothness: a hard box
        AxisCrop hard = SpectralGeometry.diffStrideColumns(16, 2, 0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, hard.kept()); // T = 5, p <= 5
        for (double d : hard.maskDerivative()) {
            assertEquals(0.0, d, 0);
        }
    }

    @Test
    void invalidArgumentsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SpectralGeometry.fixedOutputHeight(32, 0.5));
        assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectralGeometry.fixedOutputWidth(32, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpectralGeometry.fixedRows(32, Double.POSITIVE_INFINITY));
        e = assertThrows(IllegalArgumentException.class, () -> SpectralGeometry.fixedRows(1, 1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralGeometry.diffStrideRows(32, 2, -1));
        assertTrue(e.getMessage().contains("smoothness"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectralGeometry.diffStrideColumns(32, 0.99, 4));
    }
}
