package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stem's float weight gradient (im2col + one GEMM, no input gradient) equals
 * what libnd4j's conv2d_bp computes for the same convolution.
 */
class StemWeightGradientTest {

    @Test
    void im2colWeightGradientMatchesConv2dBp() {
        Conv2d reference = new Conv2d("ref", 3, 8, 3, 1, 1, 5);
        Conv2d stem = new Conv2d("stem", 3, 8, 3, 1, 1, 5);
        stem.dropInputGradient();
        INDArray x = Nd4j.randn(1, new long[]{4, 9, 10, 3}).castTo(DataType.FLOAT);
        INDArray g = Nd4j.randn(2, new long[]{4, 9, 10, 8}).castTo(DataType.FLOAT);
        reference.forward(x, true);
        stem.forward(x, true);
        reference.backward(g.dup());
        stem.backward(g.dup());
        INDArray expected = reference.weight().grad();
        INDArray actual = stem.weight().grad();
        double scale = expected.amaxNumber().doubleValue();
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue() / scale, 1e-5);
    }
}
