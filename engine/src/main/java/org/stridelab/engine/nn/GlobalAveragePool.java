package org.stridelab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.factory.Nd4j;

/** Mean over height and width of a channels-last map: [N, H, W, C] to [N, C]. */
public final class GlobalAveragePool implements Layer {
    private long[] inputShape;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        return x.mean(1, 2);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        double area = inputShape[1] * inputShape[2];
        INDArray scaled = gradOut.div(area);
        INDArray gradIn = Nd4j.createUninitialized(gradOut.dataType(), inputShape);
        Nd4j.getExecutioner().exec(new BroadcastCopyOp(gradIn, scaled, gradIn, 0, 3));
        return gradIn;
    }
}
