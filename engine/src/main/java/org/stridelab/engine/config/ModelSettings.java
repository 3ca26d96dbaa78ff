package org.stridelab.engine.config;

import java.util.Arrays;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * The network: how it downsamples, from which stage strides, how wide, and
 * whether its convolutions are PHC layers.
 *
 * @param method  strided, spectral or diffstride
 * @param strides initial strides of stages 2, 3 and 4
 * @param width   width multiplier (1 = 64..512 filters)
 * @param phc     PHC order n, 0 = ordinary convolutions
 */
public record ModelSettings(DownsamplingMethod method, double[] strides, double width, int phc) {
    public ModelSettings {
        strides = strides == null ? null : strides.clone();
    }

    @Override
    public double[] strides() {
        return strides == null ? null : strides.clone();
    }

    @Override
    public boolean equals(Object o) {
        // a record compares arrays by identity; strides are compared by value
        return o instanceof ModelSettings m && m.method == method && Arrays.equals(m.strides, strides)
                && Double.compare(m.width, width) == 0 && m.phc == phc;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(strides) * 31 + Double.hashCode(width) + phc;
    }

    @Override
    public String toString() {
        return "ModelSettings[" + method + ", " + Arrays.toString(strides) + ", width " + width + ", phc " + phc + "]";
    }
}
