package org.stridelab.engine.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claim everything rests on: irfft2(crop(mask * rfft2(x)), (h, w)) / (H W)
 * equals A1 x B1^T - A2 x B2^T with the matrices of {@link AxisOperator}, for
 * odd and even sizes, against the independent {@link ReferenceSpectral}.
 */
class SeparableClaimTest {

    @ParameterizedTest(name = "fixed {0}x{1} at ({2}, {3})")
    @CsvSource({"32, 32, 2, 2", "15, 17, 2, 2", "16, 15, 1, 1", "13, 11, 1.5, 2.7", "9, 8, 3, 1", "64, 64, 2, 4",
        "32, 32, 3, 1", "7, 7, 1, 1", "2, 2, 1, 1", "10, 3, 4, 1"})
    void fixedMatchesReference(int bigH, int bigW, double sh, double sw) {
        double[][] x = ReferenceSpectral.random(new Random(bigH * 31L + bigW), bigH, bigW);
        double[][] expected = ReferenceSpectral.fixedPool(x, sh, sw);
        PlainSpectralTransform t = new PlainSpectralTransform(SpectralGeometry.fixedRows(bigH, sh),
            SpectralGeometry.fixedColumns(bigW, sw));
        double[][] actual = t.apply(x);
        assertTrue(ReferenceSpectral.maxAbsDiff(expected, actual) < 1e-12,
            "max difference " + ReferenceSpectral.maxAbsDiff(expected, actual));
    }

    @ParameterizedTest(name = "DiffStride {0}x{1} at ({2}, {3}), R = {4}")
    @CsvSource({"32, 32, 2, 2, 4", "15, 17, 2, 2, 4", "16, 16, 1.7, 2.6, 4", "24, 24, 3.1, 1.4, 4",
        "13, 11, 1.9, 2.3, 2.5", "32, 32, 1.142857142857143, 1.142857142857143, 4", "9, 10, 4, 3, 1",
        "12, 10, 1.7, 1.9, 4"})
    void diffStrideMatchesReference(int bigH, int bigW, double sh, double sw, double r) {
        double[][] x = ReferenceSpectral.random(new Random(bigH * 17L + bigW), bigH, bigW);
        double ch = SpectralGeometry.clampStride(bigH, sh, r);
        double cw = SpectralGeometry.clampStride(bigW, sw, r);
        double[][] expected = ReferenceSpectral.diffStride(x, ch, cw, r);
        PlainSpectralTransform t = new PlainSpectralTransform(SpectralGeometry.diffStrideRows(bigH, ch, r),
            SpectralGeometry.diffStrideColumns(bigW, cw, r));
        double[][] actual = t.apply(x);
        assertTrue(ReferenceSpectral.maxAbsDiff(expected, actual) < 1e-12,
            "max difference " + ReferenceSpectral.maxAbsDiff(expected, actual));
    }

    @ParameterizedTest(name = "derivative matrices at {0}x{1}")
    @CsvSource({"20, 18, 2.3, 1.45", "12, 10, 1.7, 1.9", "15, 17, 2.2, 2.1"})
    void derivativeMatricesAreTheDerivatives(int bigH, int bigW, double sh, double sw) {
        double r = 4;
        double eps = 1e-6;
        AxisOperator rows = AxisOperator.rows(SpectralGeometry.diffStrideRows(bigH, sh, r));
        AxisOperator up = AxisOperator.rows(SpectralGeometry.diffStrideRows(bigH, sh + eps, r));
        AxisOperator down = AxisOperator.rows(SpectralGeometry.diffStrideRows(bigH, sh - eps, r));
        for (int i = 0; i < rows.re().length; i++) {
            assertEquals((up.re()[i] - down.re()[i]) / (2 * eps), rows.dRe()[i], 1e-7);
            assertEquals((up.im()[i] - down.im()[i]) / (2 * eps), rows.dIm()[i], 1e-7);
        }
        AxisOperator cols = AxisOperator.columns(SpectralGeometry.diffStrideColumns(bigW, sw, r));
        AxisOperator cup = AxisOperator.columns(SpectralGeometry.diffStrideColumns(bigW, sw + eps, r));
        AxisOperator cdown = AxisOperator.columns(SpectralGeometry.diffStrideColumns(bigW, sw - eps, r));
        for (int i = 0; i < cols.re().length; i++) {
            assertEquals((cup.re()[i] - cdown.re()[i]) / (2 * eps), cols.dRe()[i], 1e-7);
            assertEquals((cup.im()[i] - cdown.im()[i]) / (2 * eps), cols.dIm()[i], 1e-7);
        }
    }
}
