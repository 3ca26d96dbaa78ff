package org.stridelab.engine.spectral;

import org.stridelab.engine.nn.DoublePrecision;

import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.GradientCheck;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

@ExtendWith(DoublePrecision.class)
class DiffStrideTest {
    private static final SpectralOperator.Strategy SEP = SpectralOperator.Strategy.SEPARABLE;
    private static final SpectralOperator.Strategy KRON = SpectralOperator.Strategy.KRONECKER;

    private static DiffStride diffStride(double sh, double sw, DiffStride.Options options,
                                         SpectralOperator.Strategy strategy) {
        return new DiffStride("ds", sh, sw, options, strategy);
    }

    @ParameterizedTest(name = "{5}: {0}x{1} at ({2}, {3}), R = {4}")
    @CsvSource({"32, 32, 2, 2, 4, SEPARABLE", "32, 32, 2, 2, 4, KRONECKER", "15, 17, 2.2, 2.1, 4, SEPARABLE",
        "15, 17, 2.2, 2.1, 4, KRONECKER", "16, 16, 1.7, 2.6, 4, AUTO", "24, 24, 3.1, 1.4, 4, AUTO",
        "13, 11, 1.9, 2.3, 2.5, AUTO", "9, 10, 4, 3, 1, AUTO", "32, 32, 1, 1, 4, AUTO"})
    void forwardMatchesReference(int bigH, int bigW, double sh, double sw, double r,
                                 SpectralOperator.Strategy strategy) {
        DiffStride ds = diffStride(sh, sw, DiffStride.Options.defaults().withSmoothness(r), strategy);
        INDArray x = Arrays4.randn(DataType.DOUBLE, 13, 2, 2, bigH, bigW);
        INDArray y = ds.newBranch().forward(x, true);
        double ch = SpectralGeometry.clampStride(bigH, sh, r);
        double cw = SpectralGeometry.clampStride(bigW, sw, r);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                double[][] expected = ReferenceSpectral.diffStride(Arrays4.channel(x, n, c), ch, cw, r);
                double diff = ReferenceSpectral.maxAbsDiff(expected, Arrays4.channel(y, n, c));
                assertTrue(diff < 1e-12, "max difference " + diff);
            }
        }
    }

    @ParameterizedTest(name = "worked example {0}x{1} at ({2}, {3}) -> {4}x{5}")
    @CsvSource({"32, 32, 2, 2, 24, 24", "64, 64, 2, 4, 40, 24", "16, 16, 1.7, 2.6, 16, 16",
        "24, 24, 3.1, 1.4, 16, 24"})
    void layerOutputShapes(int bigH, int bigW, double sh, double sw, int h, int w) {
        DiffStride ds = new DiffStride("ds", sh, sw);
        INDArray y = ds.newBranch().forward(Nd4j.rand(DataType.FLOAT, 1, 2, bigH, bigW), false);
        assertArrayEquals(new long[] {1, 2, h, w}, y.shape());
        PoolingState s = ds.state("ds");
        assertEquals(h, s.outputHeight());
        assertEquals(w, s.outputWidth());
        assertEquals(bigH, s.rowMask().length);
        assertEquals(bigW / 2 + 1, s.columnMask().length);
    }

    @Test
    void strideOneIsClampedAndIsNotTheIdentity() {
        DiffStride ds = new DiffStride("stem", 1, 1);
        INDArray x = Arrays4.randn(DataType.DOUBLE, 3, 1, 2, 32, 32);
        INDArray y = ds.newBranch().forward(x, true);
        assertArrayEquals(x.shape(), y.shape());
        assertTrue(x.sub(y).amaxNumber().doubleValue() > 1e-3, "DiffStride at stride 1 must low-pass slightly");
        // the clamp was written back to the parameter
        assertEquals(32.0 / 28.0, ds.strideParameter().value().getDouble(0), 1e-12);
        assertEquals(32.0 / 28.0, ds.strideParameter().value().getDouble(1), 1e-12);
        assertArrayEquals(new double[] {32.0 / 28.0, 32.0 / 28.0}, ds.strides(), 1e-12);
        PoolingState s = ds.state("stem");
        assertEquals(0.75f, s.rowMask()[15], 1e-6f);
        assertEquals(0.75f, s.rowMask()[16], 1e-6f);
        assertEquals(1f, s.rowMask()[14], 1e-6f);
        assertEquals(0.75f, s.columnMask()[16], 1e-6f);
        assertEquals(32, s.outputHeight());
        assertEquals(32, s.outputWidth());
    }

    @Test
    void clampUsesTheActualInputSizeAndFloatParameters() {
        INDArray value = Nd4j.createFromArray(1.0f, 3.0f);
        DiffStride ds = new DiffStride("ds", 1, 3);
        ds.strideParameter().value().assign(value.castTo(ds.strideParameter().value().dataType()));
        ds.newBranch().forward(Nd4j.rand(DataType.FLOAT, 1, 1, 12, 20), true);
        // 12/(12-4) = 1.5 for the height; 3 stays above 20/16
        assertArrayEquals(new double[] {1.5, 3.0}, ds.strides(), 1e-7);
        assertArrayEquals(new double[] {1.5, 3.0}, ds.effectiveStrides(12, 20), 1e-7);
    }

    @Test
    void userLimitsClip() {
        DiffStride.Options limited = DiffStride.Options.defaults().withLimits(new StrideLimits(1.5, 2.5));
        DiffStride ds = new DiffStride("ds", 3, 1, limited);
        // construction already clips into the limits
        assertArrayEquals(new double[] {2.5, 1.5}, ds.strides(), 1e-12);
        ds.strideParameter().value().putScalar(0, 4.0);
        ds.strideParameter().value().putScalar(1, 1.0);
        ds.newBranch().forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 32, 32), true);
        assertArrayEquals(new double[] {2.5, 1.5}, ds.strides(), 1e-12);
        // StrideLimits.NONE leaves the stride free
        DiffStride free = new DiffStride("ds", 7, 7, DiffStride.Options.defaults().withLimits(StrideLimits.NONE));
        assertArrayEquals(new double[] {7, 7}, free.strides(), 1e-12);
    }

    @Test
    void constantStaysConstantAndMeanIsPreserved() {
        Layer layer = new DiffStride("ds", 2, 1.3).newBranch();
        INDArray y = layer.forward(Nd4j.valueArrayOf(new long[] {2, 2, 20, 18}, -0.8, DataType.DOUBLE), true);
        assertEquals(-0.8, y.minNumber().doubleValue(), 1e-12);
        assertEquals(-0.8, y.maxNumber().doubleValue(), 1e-12);
        INDArray x = Arrays4.randn(DataType.DOUBLE, 3, 2, 2, 15, 17).addi(2);
        INDArray out = layer.forward(x, true);
        assertEquals(Arrays4.channelMean(x, 1, 1), Arrays4.channelMean(out, 1, 1), 1e-12);
    }

    @ParameterizedTest(name = "input gradient {4}: {0}x{1} at ({2}, {3})")
    @CsvSource({"12, 10, 1.7, 1.9, AUTO", "20, 18, 2.3, 1.45, AUTO", "15, 17, 2.2, 2.1, SEPARABLE",
        "15, 17, 2.2, 2.1, KRONECKER"})
    void gradientsMatchFiniteDifferences(int bigH, int bigW, double sh, double sw,
                                         SpectralOperator.Strategy strategy) {
        // strides away from kinks: no ramp value at exactly 0 or 1, target not at 2
        DiffStride ds = diffStride(sh, sw, DiffStride.Options.defaults(), strategy);
        Layer layer = ds.newBranch();
        INDArray x = GradientCheck.randn(31, 2, 2, bigH, bigW);
        double worst = GradientCheck.check(layer, x, true, 60, 1e-5);
        assertTrue(worst < 1e-5);
        // the stride gradient is not trivially zero (the ramp really matters)
        assertTrue(Math.abs(ds.strideParameter().grad().getDouble(0)) > 1e-6);
        assertTrue(Math.abs(ds.strideParameter().grad().getDouble(1)) > 1e-6);
    }

    @ParameterizedTest(name = "shared stride {0}x{1} at {2}, {3}")
    @CsvSource({"12, 10, 1.7, AUTO", "20, 18, 2.3, AUTO", "20, 18, 2.3, KRONECKER"})
    void sharedStrideGradientMatchesFiniteDifferences(int bigH, int bigW, double s,
                                                      SpectralOperator.Strategy strategy) {
        DiffStride ds = diffStride(s, s, DiffStride.Options.defaults().withSharedStride(true), strategy);
        assertArrayEquals(new long[] {1}, ds.strideParameter().value().shape());
        INDArray x = GradientCheck.randn(41, 2, 2, bigH, bigW);
        double worst = GradientCheck.check(ds.newBranch(), x, true, 30, 1e-5);
        assertTrue(worst < 1e-5);
    }

    @Test
    void sharedGradientIsTheSumOfBothAxes() {
        INDArray x = GradientCheck.randn(5, 2, 3, 20, 18);
        DiffStride separate = new DiffStride("a", 2.3, 2.3);
        DiffStride shared = new DiffStride("b", 2.3, 2.3, DiffStride.Options.defaults().withSharedStride(true));
        Layer l1 = separate.newBranch();
        Layer l2 = shared.newBranch();
        INDArray y = l1.forward(x, true);
        l2.forward(x, true);
        INDArray g = GradientCheck.randn(6, y.shape());
        l1.backward(g);
        l2.backward(g);
        double sum = separate.strideParameter().grad().getDouble(0) + separate.strideParameter().grad().getDouble(1);
        assertEquals(sum, shared.strideParameter().grad().getDouble(0), 1e-10 * Math.max(1, Math.abs(sum)));
    }

    @Test
    void twoBranchesAddTheirStrideGradients() {
        DiffStride ds = new DiffStride("stage2", 2.3, 1.45);
        Layer main = ds.newBranch();
        Layer shortcut = ds.newBranch();
        // y = main(x) + 3 * shortcut(0.5 x): both branches feed one loss
        Layer both = new Layer() {
            @Override
            public INDArray forward(INDArray input, boolean training) {
                return main.forward(input, training).add(shortcut.forward(input.mul(0.5), training).mul(3));
            }

            @Override
            public INDArray backward(INDArray gradOutput) {
                INDArray a = main.backward(gradOutput);
                INDArray b = shortcut.backward(gradOutput.mul(3));
                return a.add(b.mul(0.5));
            }

            @Override
            public List<Parameter> parameters() {
                return ds.parameters();
            }
        };
        INDArray x = GradientCheck.randn(51, 2, 2, 20, 18);
        double worst = GradientCheck.check(both, x, true, 30, 1e-5);
        assertTrue(worst < 1e-5);

        // and the accumulated gradient is the sum of what each branch adds alone
        Parameter p = ds.strideParameter();
        p.zeroGrad();
        INDArray y = main.forward(x, true);
        INDArray gy = GradientCheck.randn(53, y.shape());
        main.backward(gy);
        double alone = p.grad().getDouble(0);
        shortcut.forward(x, true);
        shortcut.backward(gy);
        assertEquals(2 * alone, p.grad().getDouble(0), 1e-10 * Math.max(1, Math.abs(alone)));
    }

    @Test
    void strategiesGiveTheSameStrideGradients() {
        INDArray x = GradientCheck.randn(61, 3, 2, 15, 17);
        double[][] grads = new double[2][];
        SpectralOperator.Strategy[] strategies = {SEP, KRON};
        for (int i = 0; i < 2; i++) {
            DiffStride ds = diffStride(2.2, 2.1, DiffStride.Options.defaults(), strategies[i]);
            Layer layer = ds.newBranch();
            INDArray y = layer.forward(x, true);
            layer.backward(GradientCheck.randn(62, y.shape()));
            grads[i] = ds.strideParameter().grad().toDoubleVector();
        }
        assertArrayEquals(grads[0], grads[1], 1e-9);
    }

    /** The network's branches take [N, H, W, C]: the same map as the reference layout, transposed. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SpectralOperator.Strategy.class, names = {"SEPARABLE", "KRONECKER"})
    void channelsLastBranchIsTheSameMapTransposed(SpectralOperator.Strategy strategy) {
        INDArray x = GradientCheck.randn(71, 3, 2, 15, 17);
        DiffStride first = diffStride(2.2, 2.1, DiffStride.Options.defaults(), strategy);
        DiffStride second = diffStride(2.2, 2.1, DiffStride.Options.defaults(), strategy);
        Layer channelsFirst = first.newBranch();
        Layer channelsLast = second.newChannelsLastBranch();
        INDArray y = channelsFirst.forward(x, true);
        INDArray yLast = channelsLast.forward(x.permute(0, 2, 3, 1).dup('c'), true);
        assertTrue(y.equalsWithEps(yLast.permute(0, 3, 1, 2), 1e-12), "forward differs");
        INDArray g = GradientCheck.randn(72, y.shape());
        INDArray gx = channelsFirst.backward(g);
        INDArray gxLast = channelsLast.backward(g.permute(0, 2, 3, 1).dup('c'));
        assertArrayEquals(new long[] {3, 15, 17, 2}, gxLast.shape());
        assertTrue(gx.equalsWithEps(gxLast.permute(0, 3, 1, 2), 1e-12), "input gradient differs");
        assertArrayEquals(first.strideParameter().grad().toDoubleVector(),
            second.strideParameter().grad().toDoubleVector(), 1e-10);
    }

    @Test
    void floatTrainingStepWorks() {
        DiffStride ds = new DiffStride("ds", 2, 2);
        Layer layer = ds.newBranch();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 8, 32, 32);
        INDArray y = layer.forward(x, true);
        assertEquals(DataType.FLOAT, y.dataType());
        assertArrayEquals(new long[] {4, 8, 24, 24}, y.shape());
        INDArray gx = layer.backward(Nd4j.rand(DataType.FLOAT, 4, 8, 24, 24));
        assertEquals(DataType.FLOAT, gx.dataType());
        assertArrayEquals(x.shape(), gx.shape());
        assertFalse(Double.isNaN(ds.strideParameter().grad().getDouble(0)));
    }

    @Test
    void matricesAreCachedAcrossStepsAtTheSameStrides() {
        DiffStride ds = new DiffStride("ds", 2, 2);
        Layer a = ds.newBranch();
        Layer b = ds.newBranch();
        a.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 16, 16), true);
        b.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 16, 16), true);
        a.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 16, 16), true);
        assertEquals(1, ds.cachedOperators());
        ds.strideParameter().value().putScalar(0, 2.1);
        a.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 16, 16), true);
        assertEquals(2, ds.cachedOperators());
    }

    @Test
    void parameterIsNoDecayWithItsLearningRateMultiplier() {
        DiffStride ds = new DiffStride("stage3", 2, 3,
            DiffStride.Options.defaults().withLearningRateMultiplier(0.1));
        Parameter p = ds.strideParameter();
        assertFalse(p.weightDecay());
        assertEquals(0.1, p.learningRateMultiplier());
        assertArrayEquals(new long[] {2}, p.value().shape());
        assertEquals("stage3.stride", p.name());
        assertSame(p, ds.parameters().get(0));
        assertSame(p, ds.newBranch().parameters().get(0));
    }

    @Test
    void backwardNeedsATrainingForward() {
        Layer layer = new DiffStride("ds", 2, 2).newBranch();
        INDArray y = layer.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 16, 16), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> layer.backward(y));
        assertTrue(e.getMessage().contains("training"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiffStride("d", 0.9, 2));
        assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DiffStride("d", 2, Double.NaN));
        e = assertThrows(IllegalArgumentException.class,
            () -> new DiffStride("d", 2, 3, DiffStride.Options.defaults().withSharedStride(true)));
        assertTrue(e.getMessage().contains("shared"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiffStride.Options.defaults().withSmoothness(-1));
        assertTrue(e.getMessage().contains("smoothness"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StrideLimits(0.5, 2));
        assertTrue(e.getMessage().contains("lower"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StrideLimits(3, 2));
        assertTrue(e.getMessage().contains("upper"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> DiffStride.Options.defaults().withLearningRateMultiplier(-1));
        assertTrue(e.getMessage().contains("multiplier"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DiffStride(" ", 2, 2));
        Layer layer = new DiffStride("d", 2, 2).newBranch();
        e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Nd4j.rand(DataType.FLOAT, 1, 1, 1, 8),
            true));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
