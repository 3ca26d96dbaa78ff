package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A narrow convolution on a batch larger than one backward slice (2 MB, the
 * size {@code -Dstridelab.convSliceBytes} turns on) gives the same input and
 * weight gradients as one conv2d_bp over the whole batch.
 */
class ConvBackwardSlicesTest {

    @Test
    void slicedBackwardEqualsWholeBatchBackward() {
        Conv2d conv = new Conv2d("c", 16, 16, 3, 1, 1, 3);
        conv.backwardSliceBytes(2L << 20);
        // 40 images of 16 x 32 x 32 floats = 2.6 MB: slices of 32 and 8 images.
        INDArray x = Nd4j.randn(5, new long[]{40, 32, 32, 16}).castTo(DataType.FLOAT);
        INDArray g = Nd4j.randn(6, new long[]{40, 32, 32, 16}).castTo(DataType.FLOAT);
        conv.forward(x, true);
        INDArray gradIn = conv.backward(g);

        INDArray expectedIn = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray expectedW = Nd4j.create(DataType.FLOAT, 16, 16, 3, 3);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(x, conv.weight().value(), g)
                .addOutputs(expectedIn, expectedW)
                .addIntegerArguments(3, 3, 1, 1, 1, 1, 1, 1, 0, 1, 1)
                .build());
        assertEquals(0, relativeError(expectedIn, gradIn), 1e-5);
        assertEquals(0, relativeError(expectedW, conv.weight().grad()), 1e-5);
    }

    @Test
    void negativeSliceSizeIsRefused() {
        Conv2d conv = new Conv2d("c", 16, 16, 3, 1, 1, 3);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> conv.backwardSliceBytes(-1));
    }

    @Test
    void slicePropertyIsReadOrRefusedWithItsValue() {
        assertEquals(0, Conv2d.sliceBytes(null));
        assertEquals(2097152, Conv2d.sliceBytes(" 2097152 "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Conv2d.sliceBytes("2MB"));
        assertEquals("-Dstridelab.convSliceBytes=2MB is not understood: give the backward slice size in bytes "
                + "(e.g. 2097152), or 0 for whole batches", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Conv2d.sliceBytes("-1"));
    }

    private static double relativeError(INDArray expected, INDArray actual) {
        return expected.sub(actual).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
    }
}
