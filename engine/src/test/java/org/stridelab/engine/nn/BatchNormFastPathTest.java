package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float kernels of batch norm agree with the double-precision reference path
 * (the one the gradient checks verify), forward and backward, with and without ReLU.
 */
class BatchNormFastPathTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void floatKernelsMatchDoubleReference(boolean relu) {
        compare(new long[]{8, 5, 7, 6}, relu);
    }

    /** Large enough to be split into several parallel row blocks, with a channel count off the vector width. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void parallelRowBlocksMatchDoubleReference(boolean relu) {
        compare(new long[]{16, 12, 10, 37}, relu);
    }

    private static void compare(long[] shape, boolean relu) {
        int channels = (int) shape[3];
        INDArray x = Nd4j.randn(31, shape).castTo(DataType.DOUBLE).muli(1.7).addi(0.4);
        INDArray dy = Nd4j.randn(32, shape).castTo(DataType.DOUBLE);
        double[] gamma = new double[channels];
        double[] beta = new double[channels];
        for (int c = 0; c < channels; c++) {
            gamma[c] = 1.2 - 0.45 * (c % 5);
            beta[c] = 0.1 * ((c * 7) % 11) - 0.5;
        }

        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        BatchNorm reference = new BatchNorm("r", channels, relu);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        BatchNorm fast = new BatchNorm("f", channels, relu);
        for (BatchNorm bn : new BatchNorm[]{reference, fast}) {
            bn.parameters().get(0).value().assign(Nd4j.createFromArray(gamma));
            bn.parameters().get(1).value().assign(Nd4j.createFromArray(beta));
        }
        INDArray xf = x.castTo(DataType.FLOAT);
        assertEquals(HostKernels.enabled(), ChannelKernels.applies(xf), "the float input takes the fast path where the "
                + "host kernels run, the ND4J-op path elsewhere: both must match the reference");
        INDArray yRef = reference.forward(x, true);
        INDArray yFast = fast.forward(xf, true);
        assertClose(yRef, yFast, 1e-4);
        assertClose(reference.runningVar(), fast.runningVar(), 1e-5);
        INDArray gRef = reference.backward(dy.dup());
        INDArray gFast = fast.backward(dy.castTo(DataType.FLOAT));
        assertClose(gRef, gFast, 1e-4);
        for (int i = 0; i < 2; i++) {
            assertClose(reference.parameters().get(i).grad(), fast.parameters().get(i).grad(), 1e-3);
        }
        // Evaluation mode uses the running statistics on both paths.
        assertClose(reference.forward(x, false), fast.forward(xf, false), 1e-4);
    }

    /** The fused end of a residual block, relu(bn(x) + r): forward, and backward's in-place mask. */
    @Test
    void fusedAddReluMatchesDoubleReference() {
        long[] shape = {6, 9, 11, 21};
        INDArray x = Nd4j.randn(41, shape).castTo(DataType.DOUBLE).muli(1.3).addi(0.2);
        INDArray r = Nd4j.randn(42, shape).castTo(DataType.DOUBLE);
        INDArray dy = Nd4j.randn(43, shape).castTo(DataType.DOUBLE);
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        BatchNorm reference = new BatchNorm("r", 21);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        BatchNorm fast = new BatchNorm("f", 21);
        INDArray yRef = reference.forwardAddRelu(x, r, true);
        INDArray yFast = fast.forwardAddRelu(x.castTo(DataType.FLOAT), r.castTo(DataType.FLOAT), true);
        assertClose(yRef, yFast, 1e-4);
        INDArray dyRef = dy.dup();
        INDArray dyFast = dy.castTo(DataType.FLOAT);
        assertClose(reference.backwardAddRelu(dyRef), fast.backwardAddRelu(dyFast), 1e-4);
        // Both leave the ReLU-masked gradient behind for the residual path.
        assertClose(dy.mul(yRef.gt(0).castTo(DataType.DOUBLE)), dyFast, 1e-6);
        assertClose(dyRef, dyFast, 1e-6);
    }

    /** ND4J marks reshapes as views; a dense one (a 1x1 convolution's GEMM output) still takes the kernels. */
    @Test
    void denseReshapedInputTakesTheFastPathWithTheSameResult() {
        INDArray matrix = Nd4j.randn(51, new long[]{4 * 5 * 6, 7}).castTo(DataType.FLOAT);
        INDArray reshaped = matrix.reshape(4, 5, 6, 7);
        assertTrue(reshaped.isView(), "ND4J calls a reshape a view");
        assertEquals(HostKernels.enabled(), ChannelKernels.applies(reshaped), "but it is dense: the kernels apply");
        assertFalse(ChannelKernels.applies(reshaped.permute(0, 2, 1, 3)), "a permuted view is not dense");
        BatchNorm a = new BatchNorm("a", 7, true);
        BatchNorm b = new BatchNorm("b", 7, true);
        assertClose(a.forward(reshaped.dup('c'), true), b.forward(reshaped, true), 1e-6);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        double[] e = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        double[] a = actual.castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "element " + i);
        }
    }
}
