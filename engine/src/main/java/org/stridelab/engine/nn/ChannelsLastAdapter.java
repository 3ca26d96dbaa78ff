package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a layer written for [N, C, H, W] maps inside the channels-last network:
 * transposes its input to NCHW and its output back, and the gradients likewise.
 *
 * <p>The spectral layers act on each (image, channel) plane with matrices along
 * height and width, which wants the planes contiguous; the two copies per pass
 * cost far less than what channels-last saves in the convolutions around them.
 */
public final class ChannelsLastAdapter implements Layer {
    private final Layer channelsFirst;

    public ChannelsLastAdapter(Layer channelsFirst) {
        this.channelsFirst = channelsFirst;
    }

    /** The wrapped [N, C, H, W] layer. */
    public Layer inner() {
        return channelsFirst;
    }

    /** [N, H, W, C] to a contiguous [N, C, H, W] copy. */
    public static INDArray toChannelsFirst(INDArray channelsLast) {
        return channelsLast.permute(0, 3, 1, 2).dup('c');
    }

    /** [N, C, H, W] to a contiguous [N, H, W, C] copy. */
    public static INDArray toChannelsLast(INDArray channelsFirst) {
        return channelsFirst.permute(0, 2, 3, 1).dup('c');
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return toChannelsLast(channelsFirst.forward(toChannelsFirst(input), training));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return toChannelsLast(channelsFirst.backward(toChannelsFirst(gradOutput)));
    }

    @Override
    public List<Layer> children() {
        return List.of(channelsFirst);
    }
}
