package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable building block with a hand-written backward pass.
 *
 * <p>{@link #forward} caches whatever {@link #backward} needs; each layer
 * instance therefore serves one position in the network (a layer applied twice
 * per step needs two instances that share {@link Parameter}s). Arrays returned by
 * forward and backward may live in the caller's workspace; parameter gradients
 * are accumulated into {@link Parameter#grad()}, which lives outside it.
 */
public interface Layer {

    /** Computes the output for a batch; {@code training} selects batch statistics and caching. */
    INDArray forward(INDArray input, boolean training);

    /**
     * Given dLoss/dOutput of the last forward, adds the parameter gradients into
     * their {@link Parameter#grad()} and returns dLoss/dInput.
     */
    INDArray backward(INDArray gradOutput);

    /** The trainable parameters of this layer (empty for parameter-free layers). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Drops cached activations so that nothing outlives the step's workspace. */
    default void clearCache() {
    }
}
