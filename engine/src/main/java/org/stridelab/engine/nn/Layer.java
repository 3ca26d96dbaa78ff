package org.stridelab.engine.nn;

import java.util.ArrayList;
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
 *
 * <p>A layer made of layers (a residual block, the network) lists them in
 * {@link #children()}; its parameters and cache clearing are then gathered
 * from them by the defaults here, in one traversal, with nothing written by
 * hand. Each {@link Parameter} is listed by exactly one layer, so the
 * traversal finds each once.
 */
public interface Layer {

    /** Computes the output for a batch; {@code training} selects batch statistics and caching. */
    INDArray forward(INDArray input, boolean training);

    /**
     * Given dLoss/dOutput of the last forward, adds the parameter gradients into
     * their {@link Parameter#grad()} and returns dLoss/dInput.
     */
    INDArray backward(INDArray gradOutput);

    /** The layers this one is made of, in forward order; none for a leaf. */
    default List<Layer> children() {
        return List.of();
    }

    /** The trainable parameters of this layer: a leaf's own, a composite's children's. */
    default List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer child : children()) {
            all.addAll(child.parameters());
        }
        return all;
    }

    /** Drops cached activations so that nothing outlives the step's workspace (a composite: its children's). */
    default void clearCache() {
        for (Layer child : children()) {
            child.clearCache();
        }
    }

    /** This layer and every layer below it that is a {@code type}, in forward order. */
    static <T> List<T> find(Layer root, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        for (Layer child : root.children()) {
            found.addAll(find(child, type));
        }
        return found;
    }
}
