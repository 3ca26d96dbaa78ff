package org.stridelab.engine.spectral;

import org.stridelab.engine.nn.DoublePrecision;

import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.GradientCheck;
import org.stridelab.engine.nn.Layer;

@ExtendWith(DoublePrecision.class)
class SpectralPoolingTest {

    @ParameterizedTest(name = "{4}: {0}x{1} at ({2}, {3})")
    @CsvSource({"32, 32, 2, 2, SEPARABLE", "32, 32, 2, 2, KRONECKER", "15, 17, 2, 2, SEPARABLE",
        "15, 17, 2, 2, KRONECKER", "13, 11, 1.5, 2.7, SEPARABLE", "13, 11, 1.5, 2.7, KRONECKER",
        "64, 64, 2, 4, AUTO", "32, 32, 3, 1, AUTO", "8, 8, 2, 2, AUTO", "9, 8, 3, 1, AUTO"})
    void forwardMatchesReference(int bigH, int bigW, double sh, double sw, SpectralOperator.Strategy strategy) {
        INDArray x = Arrays4.randn(DataType.DOUBLE, 11, 2, 3, bigH, bigW);
        INDArray y = new SpectralPooling(sh, sw, strategy).newBranch().forward(x, true);
        int[] size = SpectralGeometry.fixedOutputSize(bigH, bigW, sh, sw);
        assertArrayEquals(new long[] {2, 3, size[0], size[1]}, y.shape());
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                double[][] expected = ReferenceSpectral.fixedPool(Arrays4.channel(x, n, c), sh, sw);
                double diff = ReferenceSpectral.maxAbsDiff(expected, Arrays4.channel(y, n, c));
                assertTrue(diff < 1e-12, "sample " + n + " channel " + c + ": max difference " + diff);
            }
        }
    }

    @ParameterizedTest(name = "float {0}x{1}")
    @CsvSource({"32, 32", "8, 8"})
    void floatForwardMatchesReference(int bigH, int bigW) {
        INDArray x = Arrays4.randn(DataType.FLOAT, 5, 2, 4, bigH, bigW);
        INDArray y = new SpectralPooling(2, 2).newBranch().forward(x, true);
        assertEquals(DataType.FLOAT, y.dataType());
        for (int c = 0; c < 4; c++) {
            double[][] expected = ReferenceSpectral.fixedPool(Arrays4.channel(x, 1, c), 2, 2);
            assertTrue(ReferenceSpectral.maxAbsDiff(expected, Arrays4.channel(y, 1, c)) < 2e-5);
        }
    }

    @ParameterizedTest(name = "worked example {0}x{1} at ({2}, {3}) -> {4}x{5}")
    @CsvSource({"32, 32, 2, 2, 16, 16", "64, 64, 2, 4, 32, 16", "32, 32, 3, 1, 10, 32", "15, 17, 2, 2, 6, 8"})
    void layerOutputShapes(int bigH, int bigW, double sh, double sw, int h, int w) {
        Layer layer = new SpectralPooling(sh, sw).newBranch();
        INDArray y = layer.forward(Nd4j.rand(DataType.FLOAT, 1, 2, bigH, bigW), false);
        assertArrayEquals(new long[] {1, 2, h, w}, y.shape());
        assertArrayEquals(new long[] {1, 2, bigH, bigW}, layer.backward(Nd4j.ones(DataType.FLOAT, 1, 2, h, w)).shape());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"32, 32", "15, 17", "8, 8"})
    void constantStaysConstantAndMeanIsPreserved(int bigH, int bigW) {
        Layer layer = new SpectralPooling(2, 1.5).newBranch();
        INDArray y = layer.forward(Nd4j.valueArrayOf(new long[] {2, 2, bigH, bigW}, 0.37, DataType.DOUBLE), true);
        assertEquals(0.37, y.minNumber().doubleValue(), 1e-12);
        assertEquals(0.37, y.maxNumber().doubleValue(), 1e-12);
        INDArray x = Arrays4.randn(DataType.DOUBLE, 3, 2, 2, bigH, bigW).addi(1.5);
        INDArray out = layer.forward(x, true);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(Arrays4.channelMean(x, n, c), Arrays4.channelMean(out, n, c), 1e-12);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, {2}")
    @CsvSource({"32, 32, AUTO", "16, 15, SEPARABLE", "16, 15, KRONECKER", "8, 8, AUTO"})
    void strideOneIsExactlyTheIdentity(int bigH, int bigW, SpectralOperator.Strategy strategy) {
        INDArray x = Arrays4.randn(DataType.DOUBLE, 4, 2, 3, bigH, bigW);
        Layer layer = new SpectralPooling(1, 1, strategy).newBranch();
        INDArray y = layer.forward(x, true);
        assertArrayEquals(x.shape(), y.shape());
        assertEquals(0, x.sub(y).amaxNumber().doubleValue(), 1e-12);
        INDArray g = Arrays4.randn(DataType.DOUBLE, 5, 2, 3, bigH, bigW);
        assertEquals(0, layer.backward(g).sub(g).amaxNumber().doubleValue(), 1e-12);
    }

    @ParameterizedTest(name = "{4}: {0}x{1} at ({2}, {3})")
    @CsvSource({"12, 10, 2, 1.5, KRONECKER", "12, 10, 2, 1.5, SEPARABLE", "9, 7, 1.7, 2, SEPARABLE",
        "9, 7, 1.7, 2, KRONECKER"})
    void inputGradientMatchesFiniteDifferences(int bigH, int bigW, double sh, double sw,
                                               SpectralOperator.Strategy strategy) {
        Layer layer = new SpectralPooling(sh, sw, strategy).newBranch();
        INDArray x = GradientCheck.randn(21, 2, 2, bigH, bigW);
        double worst = GradientCheck.check(layer, x, true, 80, 1e-6);
        assertTrue(worst < 1e-6);
    }

    @ParameterizedTest(name = "adjoint {4}: {0}x{1} at ({2}, {3})")
    @CsvSource({"32, 32, 2, 2, SEPARABLE", "32, 32, 2, 2, KRONECKER", "31, 30, 2.5, 1.2, AUTO",
        "16, 16, 2, 4, AUTO"})
    void backwardIsTheAdjoint(int bigH, int bigW, double sh, double sw, SpectralOperator.Strategy strategy) {
        // <f(x), g> = <x, f*(g)> for a linear f: checks every entry of the adjoint at once
        Layer layer = new SpectralPooling(sh, sw, strategy).newBranch();
        INDArray x = Arrays4.randn(DataType.DOUBLE, 6, 3, 4, bigH, bigW);
        INDArray y = layer.forward(x, true);
        INDArray g = Arrays4.randn(DataType.DOUBLE, 7, 3, 4, (int) y.size(2), (int) y.size(3));
        double lhs = Arrays4.inner(y, g);
        double rhs = Arrays4.inner(x, layer.backward(g));
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)));
    }

    @Test
    void strategiesAgreeOnFloat() {
        INDArray x = Arrays4.randn(DataType.FLOAT, 8, 4, 8, 16, 16);
        INDArray a = new SpectralPooling(2, 2, SpectralOperator.Strategy.SEPARABLE).newBranch().forward(x, true);
        INDArray b = new SpectralPooling(2, 2, SpectralOperator.Strategy.KRONECKER).newBranch().forward(x, true);
        assertEquals(0, a.sub(b).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void nonContiguousInputIsHandled() {
        INDArray base = Arrays4.randn(DataType.DOUBLE, 9, 3, 2, 16, 16);
        INDArray permuted = base.permute(1, 0, 2, 3); // [2, 3, 16, 16] view with odd strides
        Layer layer = new SpectralPooling(2, 2).newBranch();
        INDArray y = layer.forward(permuted, true);
        INDArray expected = new SpectralPooling(2, 2).newBranch().forward(permuted.dup('c'), true);
        assertEquals(0, y.sub(expected).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void branchesAreSeparateLayersWithoutParameters() {
        SpectralPooling pool = new SpectralPooling(2, 2);
        Layer a = pool.newBranch();
        Layer b = pool.newBranch();
        assertNotSame(a, b);
        assertTrue(a.parameters().isEmpty());
        INDArray ya = a.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 32, 32), true);
        INDArray yb = b.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 32, 32), true);
        assertArrayEquals(ya.shape(), yb.shape());
    }

    @Test
    void stateReportsSizesAndMasks() {
        SpectralPooling pool = new SpectralPooling(2, 4);
        PoolingState before = pool.state("s");
        assertEquals(0, before.inputHeight());
        assertEquals(0, before.rowMask().length);
        pool.newBranch().forward(Nd4j.rand(DataType.FLOAT, 1, 1, 64, 64), false);
        PoolingState s = pool.state("stage2");
        assertEquals("stage2", s.name());
        assertEquals(2.0, s.strideHeight());
        assertEquals(4.0, s.strideWidth());
        assertEquals(64, s.inputHeight());
        assertEquals(64, s.inputWidth());
        assertEquals(32, s.outputHeight());
        assertEquals(16, s.outputWidth());
        assertEquals(64, s.rowMask().length);
        assertEquals(33, s.columnMask().length);
        assertEquals(1f, s.rowMask()[15]);
        assertEquals(0f, s.rowMask()[16]);
        assertEquals(1f, s.rowMask()[48]);
        assertEquals(1f, s.columnMask()[8]);
        assertEquals(0f, s.columnMask()[9]);
    }

    @Test
    void invalidStridesAndInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpectralPooling(0.5, 2));
        assertTrue(e.getMessage().contains("stride height") && e.getMessage().contains(">= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpectralPooling(2, Double.NaN));
        assertTrue(e.getMessage().contains("stride width"), e.getMessage());
        Layer layer = new SpectralPooling(2, 2).newBranch();
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Nd4j.rand(DataType.FLOAT, 4, 4), true));
        assertThrows(IllegalArgumentException.class,
            () -> layer.forward(Nd4j.rand(DataType.INT32, 1, 1, 8, 8), true));
        assertThrows(IllegalStateException.class, () -> new SpectralPooling(2, 2).newBranch()
            .backward(Nd4j.rand(DataType.FLOAT, 1, 1, 4, 4)));
    }
}
