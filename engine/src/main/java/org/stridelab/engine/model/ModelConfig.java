package org.stridelab.engine.model;

import java.util.Arrays;

import org.stridelab.engine.spectral.DiffStride;

/**
 * What ResNet-18 to build: the downsampling method, the initial stride of the
 * three downsampling stages, the width multiplier and the spectral options.
 *
 * @param method      strided, spectral or diffstride
 * @param strides     initial strides of stages 2, 3 and 4 (same on both axes)
 * @param width       width multiplier (1 gives 64..512 filters, 0.25 gives 16..128)
 * @param diffStride  the learned-stride layers' options (used by diffstride only)
 * @param phc         PHC order n (0 or 1 = ordinary convolutions)
 * @param classes     number of classes
 * @param seed        initialisation seed
 */
public record ModelConfig(DownsamplingMethod method, double[] strides, double width, DiffStride.Options diffStride,
                          int phc, int classes, long seed) {

    public static final int[] BASE_FILTERS = {64, 128, 256, 512};

    public ModelConfig {
        String strideProblem = StrideRule.problem(method, strides);
        if (strideProblem != null) {
            throw new IllegalArgumentException(strideProblem);
        }
        strides = strides.clone();
        if (!(width > 0) || width > 4) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + width);
        }
        if (diffStride == null) {
            throw new IllegalArgumentException("DiffStride options are missing: use DiffStride.Options.defaults()");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }

    /** A network of {@code method} with the default DiffStride options, 10 classes and seed 1. */
    public static ModelConfig of(DownsamplingMethod method, double width, double... strides) {
        return new ModelConfig(method, strides, width, DiffStride.Options.defaults(), 0, 10, 1);
    }

    public static ModelConfig strided(double width, int... strides) {
        return of(DownsamplingMethod.STRIDED, width, Arrays.stream(strides).asDoubleStream().toArray());
    }

    public ModelConfig withMethod(DownsamplingMethod m) {
        return new ModelConfig(m, strides, width, diffStride, phc, classes, seed);
    }

    public ModelConfig withPhc(int n) {
        return new ModelConfig(method, strides, width, diffStride, n, classes, seed);
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
                && c.width == width && c.diffStride.equals(diffStride) && c.phc == phc && c.classes == classes
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
