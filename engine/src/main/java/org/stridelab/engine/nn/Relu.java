package org.stridelab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** max(0, x). Backward uses libnd4j's {@code relu_bp} on the cached output. */
public final class Relu implements Layer {
    private INDArray output;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray out = Transforms.relu(x, true);
        output = training ? out : null;
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gradIn = Nd4j.createUninitialized(gradOut.dataType(), gradOut.shape());
        Nd4j.exec(DynamicCustomOp.builder("relu_bp")
                .addInputs(output, gradOut)
                .addOutputs(gradIn)
                .addFloatingPointArguments(0.0)
                .build());
        output = null;
        return gradIn;
    }

    @Override
    public void clearCache() {
        output = null;
    }
}
