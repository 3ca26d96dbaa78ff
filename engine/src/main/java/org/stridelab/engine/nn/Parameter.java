package org.stridelab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trainable tensor and the gradient accumulated for it during one step.
 *
 * <p>Both arrays live outside any workspace: they persist across steps. Layers
 * add into {@link #grad()} during backward (a parameter shared by two branches,
 * such as a spectral pooling stride, receives both contributions); the trainer
 * zeroes it before each step.
 */
public final class Parameter {
    private final String name;
    private INDArray value;
    private INDArray grad;
    private final boolean weightDecay;
    private double learningRateMultiplier;

    public Parameter(String name, INDArray value, boolean weightDecay, double learningRateMultiplier) {
        this.name = name;
        this.value = value;
        this.grad = Nd4j.createUninitializedDetached(value.dataType(), value.shape()).assign(0);
        this.weightDecay = weightDecay;
        this.learningRateMultiplier = learningRateMultiplier;
    }

    /** A weight that takes weight decay and the base learning rate. */
    public static Parameter weight(String name, INDArray value) {
        return new Parameter(name, value, true, 1.0);
    }

    /** A parameter exempt from weight decay (biases, batch-norm scales and shifts, strides). */
    public static Parameter noDecay(String name, INDArray value) {
        return new Parameter(name, value, false, 1.0);
    }

    public String name() { return name; }
    public INDArray value() { return value; }
    public INDArray grad() { return grad; }
    public boolean weightDecay() { return weightDecay; }
    public double learningRateMultiplier() { return learningRateMultiplier; }
    public long size() { return value.length(); }

    /**
     * Changes the multiplier (a live change of the strides' learning rate); an
     * optimiser groups parameters by it, so it must be regrouped afterwards
     * (see {@code Optimizer.regrouped}).
     */
    public void learningRateMultiplier(double multiplier) {
        if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException(name + ": the learning-rate multiplier must be 0 or positive, got "
                    + multiplier);
        }
        learningRateMultiplier = multiplier;
    }

    public void zeroGrad() { grad.assign(0); }

    /**
     * Moves the value and gradient into the given arrays of the same shape (views of
     * an optimiser's flat buffers), keeping their contents. Layers read
     * {@link #value()} and {@link #grad()} on every use, so they follow.
     */
    public void moveTo(INDArray newValue, INDArray newGrad) {
        if (!java.util.Arrays.equals(newValue.shape(), value.shape())
                || !java.util.Arrays.equals(newGrad.shape(), value.shape())) {
            throw new IllegalArgumentException(name + ": cannot move " + java.util.Arrays.toString(value.shape())
                    + " into " + java.util.Arrays.toString(newValue.shape()));
        }
        newValue.assign(value);
        newGrad.assign(grad);
        value = newValue;
        grad = newGrad;
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
