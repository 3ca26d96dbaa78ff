package org.stridelab.engine.model;

import java.util.List;
import java.util.Optional;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.spectral.PoolingState;

/**
 * How one place of the network reduces resolution: the stem or the first
 * block of a stage. ResNet-18 asks the site for the stride its convolutions
 * carry and for the pooling layers that follow them; it never knows which
 * method is behind them.
 *
 * <p>Strided convolution: {@link #convStride()} is the stride, no pooling.
 * Spectral methods: convolutions at stride 1, then ONE pooling instance whose
 * parameters are shared by the main branch and the 1x1 shortcut (two
 * {@link Layer} objects, because each caches its own forward). Like the rest of
 * the network, the pooling layers take and return channels-last [N, H, W, C] maps.
 */
public interface DownsamplingSite {

    /** The stride the convolutions at this site carry (1 for spectral methods). */
    int convStride();

    /** The pooling after the block's first conv (or after the stem conv), if any. */
    Optional<Layer> poolAfterMainConv();

    /**
     * The pooling on the 1x1 shortcut, sharing parameters with the main one, if any. It
     * runs on the shortcut's input, before its conv (the two commute, see {@link BasicBlock}).
     */
    Optional<Layer> poolOnShortcut();

    /** Trainable parameters of the site itself (DiffStride's strides); empty otherwise. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** The layer whose strides this site learns (DiffStride), if it learns them. */
    default Optional<DiffStride> learnedStrides() {
        return Optional.empty();
    }

    /** The live state of a spectral site (for events and views); empty for strided convolution. */
    default Optional<PoolingState> poolingState() {
        return Optional.empty();
    }

    /** Output height and width for an input of the given size, at the current strides. */
    int[] outputSize(int height, int width);
}
