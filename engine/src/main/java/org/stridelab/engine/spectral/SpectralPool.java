package org.stridelab.engine.spectral;

import java.util.List;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

/**
 * A spectral pooling instance (fixed or DiffStride): owns the strides; hands
 * out one {@link Layer} per place it is applied.
 */
public interface SpectralPool {

    /**
     * A new application of this pooling to [N, C, H, W] maps; all branches share
     * the strides (and their gradient).
     */
    Layer newBranch();

    /** As {@link #newBranch()}, for channels-last [N, H, W, C] maps (the network's layout, no transposes). */
    Layer newChannelsLastBranch();

    /** The current strides {@code {Sh, Sw}} (both equal with a shared stride). */
    double[] strides();

    /** {@code {h, w}} for an input of this size at the current strides (DiffStride's clamp included). */
    int[] outputSize(int height, int width);

    /** Strides, the sizes of the last forward and the 1-D masks; sizes 0 and empty masks before any forward. */
    PoolingState state(String name);

    /** Trainable parameters (DiffStride's strides); empty for fixed pooling. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
