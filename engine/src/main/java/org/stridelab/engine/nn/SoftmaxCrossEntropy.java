package org.stridelab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mean softmax cross-entropy against soft targets (rows summing to 1), so that
 * mixup's mixed labels train exactly as one-hot labels do.
 */
public final class SoftmaxCrossEntropy {
    private INDArray probabilities;
    private INDArray targets;

    /** The mean loss over the batch; caches what {@link #backward()} needs. */
    public double forward(INDArray logits, INDArray targets) {
        // log-softmax with the row maximum subtracted, for stability.
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        INDArray logProb = shifted.subiColumnVector(logSumExp);
        this.probabilities = Transforms.exp(logProb, true);
        this.targets = targets;
        return -logProb.muli(targets).sumNumber().doubleValue() / logits.size(0);
    }

    /** dLoss/dLogits = (softmax - targets) / batch. */
    public INDArray backward() {
        INDArray grad = probabilities.sub(targets).divi(probabilities.size(0));
        probabilities = null;
        targets = null;
        return grad;
    }

    /** The softmax of the last forward (valid until backward). */
    public INDArray probabilities() {
        return probabilities;
    }
}
