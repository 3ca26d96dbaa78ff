package org.stridelab.engine.nn;

import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference checks (double precision) of every layer's backward pass against its forward. */
@ExtendWith(DoublePrecision.class)
class LayerGradientTest {
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0}x{0} conv, stride {1}, {2}x{2} input")
    @CsvSource({"3, 1, 6, 3, 4, 1", "3, 2, 7, 2, 3, 3", "1, 3, 8, 3, 2, 5"}) // odd size with stride 2; 1x1 as GEMM
    void convolution(int kernel, int stride, int size, int in, int out, long seed) {
        Conv2d conv = new Conv2d("c", in, out, kernel, stride, kernel / 2, seed);
        GradientCheck.check(conv, GradientCheck.randn(seed + 1, 2, size, size, in), true, 60, TOLERANCE);
    }

    @Test
    void stemConvWithoutInputGradientChecksItsWeights() {
        Conv2d conv = new Conv2d("stem", 3, 4, 3, 1, 1, 7);
        conv.dropInputGradient();
        INDArray x = GradientCheck.randn(8, 2, 5, 6, 3);
        conv.forward(x, true);
        assertNull(conv.backward(GradientCheck.randn(9, 2, 5, 6, 4)), "no input gradient for the data");
        GradientCheck.check(conv, x, true, 108, TOLERANCE);
    }

    @Test
    void stemConvWithStride2WithoutInputGradient() {
        Conv2d conv = new Conv2d("stem", 3, 2, 3, 2, 1, 9);
        conv.dropInputGradient();
        GradientCheck.check(conv, GradientCheck.randn(10, 2, 7, 7, 3), true, 54, TOLERANCE);
    }

    @Test
    void conv1x1Stride2KeepsEveryOtherPixel() {
        Conv2d conv = new Conv2d("c", 2, 3, 1, 2, 0, 11);
        INDArray x = GradientCheck.randn(12, 2, 7, 7, 2);
        assertArrayEquals(new long[]{2, 4, 4, 3}, conv.forward(x, true).shape());
        GradientCheck.check(conv, x, true, 60, TOLERANCE);
    }

    @Test
    void batchNormTraining() {
        BatchNorm bn = new BatchNorm("bn", 3);
        bn.parameters().get(0).value().assign(Nd4j.createFromArray(1.5, 0.5, -2.0));
        bn.parameters().get(1).value().assign(Nd4j.createFromArray(0.1, -0.3, 0.7));
        INDArray x = GradientCheck.randn(8, 4, 5, 5, 3).muli(2).addi(1);
        GradientCheck.check(bn, x, true, 80, TOLERANCE);
    }

    @Test
    void batchNormWithFoldedRelu() {
        BatchNorm bn = new BatchNorm("bn", 2, true);
        bn.parameters().get(1).value().assign(Nd4j.createFromArray(0.3, -0.2));
        GradientCheck.check(bn, GradientCheck.randn(18, 4, 4, 4, 2), true, 64, TOLERANCE);
    }

    @Test
    void batchNormNormalisesAndTracksRunningStatistics() {
        BatchNorm bn = new BatchNorm("bn", 2);
        INDArray x = GradientCheck.randn(9, 16, 4, 4, 2).muli(3).addi(5);
        INDArray y = bn.forward(x, true);
        INDArray mean = y.mean(0, 1, 2);
        INDArray var = y.var(false, 0, 1, 2);
        for (int c = 0; c < 2; c++) {
            assertEquals(0, mean.getDouble(c), 1e-9);
            assertEquals(1, var.getDouble(c), 1e-3);
        }
        // One step of momentum 0.9 from mean 0: running mean = 0.1 * batch mean.
        INDArray batchMean = x.mean(0, 1, 2);
        assertEquals(0.1 * batchMean.getDouble(0), bn.runningMean().getDouble(0), 1e-9);
        // Evaluation uses the running statistics, not the batch's.
        INDArray eval = bn.forward(x, false);
        assertTrue(eval.meanNumber().doubleValue() > 1, "evaluation must use running statistics");
    }

    @Test
    void relu() {
        // Keep inputs away from the kink at 0, where the derivative is undefined.
        INDArray x = GradientCheck.randn(10, 2, 3, 4, 4);
        x.addi(Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Sign(x.dup())).muli(0.05));
        GradientCheck.check(new Relu(), x, true, 96, TOLERANCE);
    }

    @Test
    void globalAveragePool() {
        GradientCheck.check(new GlobalAveragePool(), GradientCheck.randn(11, 2, 4, 5, 3), true, 120, TOLERANCE);
    }

    @Test
    void dense() {
        Dense dense = new Dense("fc", 6, 4, 12);
        GradientCheck.check(dense, GradientCheck.randn(13, 5, 6), true, 30, TOLERANCE);
    }

    @Test
    void softmaxCrossEntropyWithSoftTargets() {
        INDArray logits = GradientCheck.randn(14, 4, 5);
        INDArray targets = Nd4j.rand(15, new long[]{4, 5}).castTo(DataType.DOUBLE);
        targets.diviColumnVector(targets.sum(true, 1));
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        loss.forward(logits, targets);
        INDArray analytic = loss.backward();
        double eps = 1e-6;
        for (int i = 0; i < logits.length(); i++) {
            INDArray flat = logits.reshape(logits.length());
            double orig = flat.getDouble(i);
            flat.putScalar(i, orig + eps);
            double plus = new SoftmaxCrossEntropy().forward(logits, targets);
            flat.putScalar(i, orig - eps);
            double minus = new SoftmaxCrossEntropy().forward(logits, targets);
            flat.putScalar(i, orig);
            assertEquals((plus - minus) / (2 * eps), analytic.reshape(analytic.length()).getDouble(i), 1e-7);
        }
    }

    @Test
    void crossEntropyOfUniformPredictionIsLogClasses() {
        INDArray logits = Nd4j.zeros(DataType.DOUBLE, 3, 10);
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, 3, 10);
        targets.putScalar(0, 1, 1).putScalar(1, 4, 1).putScalar(2, 9, 1);
        assertEquals(Math.log(10), new SoftmaxCrossEntropy().forward(logits, targets), 1e-12);
    }
}
