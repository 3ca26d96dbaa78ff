package org.stridelab.engine.model;

import java.util.Arrays;

/**
 * What a stage stride may be, stated once for the run settings, the model
 * and the form: a finite number {@code >= 1}, and a whole number for strided
 * convolution (only the spectral methods crop to fractional sizes).
 */
public final class StrideRule {
    private StrideRule() {
    }

    /** Whether {@code stride} is allowed for {@code method} (any method, if null). */
    public static boolean allows(DownsamplingMethod method, double stride) {
        return stride >= 1 && !Double.isInfinite(stride)
                && (method != DownsamplingMethod.STRIDED || stride == Math.rint(stride));
    }

    /** Why {@code strides} cannot start a {@code method} network, or null if they can. */
    public static String problem(DownsamplingMethod method, double[] strides) {
        if (strides == null || strides.length != 3) {
            return "strides: give three stage strides, e.g. 2,2,2";
        }
        for (double s : strides) {
            if (!allows(null, s)) {
                return "strides must be numbers >= 1, got " + Arrays.toString(strides);
            }
            if (!allows(method, s)) {
                return "strided convolution needs integer strides, got " + s
                        + ": fractional strides need method spectral or diffstride";
            }
        }
        return null;
    }
}
