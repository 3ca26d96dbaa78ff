package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        INDArray x = Nd4j.randn(31, new long[]{8, 6, 5, 7}).castTo(DataType.DOUBLE).muli(1.7).addi(0.4);
        INDArray dy = Nd4j.randn(32, new long[]{8, 6, 5, 7}).castTo(DataType.DOUBLE);
        double[] gamma = {1.2, 0.7, -0.5, 2.0, 1.0, 0.3};
        double[] beta = {0.1, -0.4, 0.2, 0.0, 0.5, -1.0};

        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        BatchNorm reference = new BatchNorm("r", 6, relu);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        BatchNorm fast = new BatchNorm("f", 6, relu);
        for (BatchNorm bn : new BatchNorm[]{reference, fast}) {
            bn.parameters().get(0).value().assign(Nd4j.createFromArray(gamma));
            bn.parameters().get(1).value().assign(Nd4j.createFromArray(beta));
        }
        INDArray xf = x.castTo(DataType.FLOAT);
        assertTrue(ChannelKernels.applies(xf), "the float input takes the fast path");
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

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        double[] e = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        double[] a = actual.castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "element " + i);
        }
    }
}
