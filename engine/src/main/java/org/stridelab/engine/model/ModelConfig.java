package org.stridelab.engine.model;

import java.util.Arrays;

/**
 * What ResNet-18 to build: the downsampling method, the initial stride of the
 * three downsampling stages, the width multiplier and the spectral options.
 *
 * @param method      strided, spectral or diffstride
 * @param strides     initial strides of stages 2, 3 and 4 (same on both axes)
 * @param width       width multiplier (1 gives 64..512 filters, 0.25 gives 16..128)
 * @param smoothness  DiffStride's ramp width R
 * @param sharedStride DiffStride learns one stride for both axes
 * @param strideLrMultiplier learning-rate multiplier of the strides
 * @param strideLower DiffStride's lower stride limit (NaN = none beyond the clamp)
 * @param strideUpper DiffStride's upper stride limit (NaN = none)
 * @param phc         PHC order n (0 or 1 = ordinary convolutions)
 * @param classes     number of classes
 * @param seed        initialisation seed
 */
public record ModelConfig(DownsamplingMethod method, double[] strides, double width, double smoothness,
                          boolean sharedStride, double strideLrMultiplier, double strideLower, double strideUpper,
                          int phc, int classes, long seed) {

    public static final int[] BASE_FILTERS = {64, 128, 256, 512};

    public ModelConfig {
        if (strides == null || strides.length != 3) {
            throw new IllegalArgumentException("give three stage strides, e.g. 2,2,2");
        }
        strides = strides.clone();
        for (double s : strides) {
            if (!(s >= 1) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("strides must be numbers >= 1, got " + Arrays.toString(strides));
            }
            if (method == DownsamplingMethod.STRIDED && s != Math.rint(s)) {
                throw new IllegalArgumentException("strided convolution needs integer strides, got " + s
                        + "; fractional strides need --method spectral or diffstride");
            }
        }
        if (!(width > 0) || width > 4) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + width);
        }
        if (!(smoothness >= 0)) {
            throw new IllegalArgumentException("smoothness R must be >= 0, got " + smoothness);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }

    public static ModelConfig strided(double width, int... strides) {
        return new ModelConfig(DownsamplingMethod.STRIDED, Arrays.stream(strides).asDoubleStream().toArray(), width,
                4, false, 1, Double.NaN, Double.NaN, 0, 10, 1);
    }

    public ModelConfig withMethod(DownsamplingMethod m) {
        return new ModelConfig(m, strides, width, smoothness, sharedStride, strideLrMultiplier, strideLower,
                strideUpper, phc, classes, seed);
    }

    public ModelConfig withPhc(int n) {
        return new ModelConfig(method, strides, width, smoothness, sharedStride, strideLrMultiplier, strideLower,
                strideUpper, n, classes, seed);
    }

    /** Filters of each stage after the width multiplier (and PHC divisibility, if any). */
    public int[] filters() {
        int[] f = new int[4];
        int n = Math.max(1, phc);
        for (int i = 0; i < 4; i++) {
            int raw = Math.max(1, (int) Math.round(BASE_FILTERS[i] * width));
            f[i] = Math.max(n, (int) Math.round((double) raw / n) * n);
        }
        return f;
    }

    @Override
    public double[] strides() {
        return strides.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelConfig c && c.method == method && Arrays.equals(c.strides, strides)
                && c.width == width && c.smoothness == smoothness && c.sharedStride == sharedStride
                && c.strideLrMultiplier == strideLrMultiplier && Double.compare(c.strideLower, strideLower) == 0
                && Double.compare(c.strideUpper, strideUpper) == 0 && c.phc == phc && c.classes == classes
                && c.seed == seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(strides) * 31 + method.hashCode();
    }

    @Override
    public String toString() {
        return method.cliName() + " strides " + Arrays.toString(strides) + " width " + width;
    }
}
