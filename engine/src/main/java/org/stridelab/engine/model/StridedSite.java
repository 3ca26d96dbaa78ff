package org.stridelab.engine.model;

import java.util.Optional;
import org.stridelab.engine.nn.Layer;

/** The baseline: the block's first conv and its 1x1 shortcut carry an integer stride. */
public final class StridedSite implements DownsamplingSite {
    private final int stride;

    public StridedSite(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("a strided convolution needs a stride >= 1, got " + stride);
        }
        this.stride = stride;
    }

    /** Accepts only whole numbers: a strided convolution cannot step by 1.5 pixels. */
    public static StridedSite of(double stride) {
        if (stride != Math.rint(stride)) {
            throw new IllegalArgumentException("strided convolution needs integer strides, got " + stride
                    + "; use --method spectral or diffstride for fractional strides");
        }
        return new StridedSite((int) stride);
    }

    @Override
    public int convStride() {
        return stride;
    }

    @Override
    public Optional<Layer> poolAfterMainConv() {
        return Optional.empty();
    }

    @Override
    public Optional<Layer> poolOnShortcut() {
        return Optional.empty();
    }

    @Override
    public int[] outputSize(int height, int width) {
        // 3x3 conv with padding 1 (and the 1x1 shortcut without padding) at this stride.
        return new int[]{(height - 1) / stride + 1, (width - 1) / stride + 1};
    }
}
