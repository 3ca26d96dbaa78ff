package org.stridelab.engine.spectral;

import java.util.Arrays;

/**
 * Output sizes, kept frequencies and masks of both spectral poolings, exactly
 * as docs/numerics.md fixes them. Pure Java (no ND4J): the layers, the
 * views and the model's cost counting all use the same numbers.
 *
 * <p>Rows of the rfft grid are in FFT order (row {@code m} is frequency {@code m}
 * below {@code ceil(H/2)}, {@code m - H} above); columns are frequencies
 * {@code 0..W/2}.
 */
public final class SpectralGeometry {

    /** DiffStride's default smoothness R (ramp width in bins). */
    public static final double DEFAULT_SMOOTHNESS = 4.0;

    private SpectralGeometry() {
    }

    // ------------------------------------------------------------------ fixed

    /** {@code h = floor(H/sh)}, made even, at least 2. */
    public static int fixedOutputHeight(int height, double strideHeight) {
        checkSize("height", height);
        checkStride("stride height", strideHeight);
        int h = (int) Math.floor(height / strideHeight);
        h -= h % 2; // an even h keeps as many positive as negative row frequencies
        return Math.max(h, 2);
    }

    /** {@code w = floor(W/sw)}, at least 2 (odd w is fine: the c2r inverse handles it). */
    public static int fixedOutputWidth(int width, double strideWidth) {
        checkSize("width", width);
        checkStride("stride width", strideWidth);
        return Math.max((int) Math.floor(width / strideWidth), 2);
    }

    /** Rows {@code [0, h/2)} and {@code [H - h/2, H)} of the grid, unweighted. */
    public static AxisCrop fixedRows(int height, double strideHeight) {
        int h = fixedOutputHeight(height, strideHeight);
        int lower = h / 2;
        int upper = height - lower;
        int[] kept = new int[h];
        double[] mask = new double[height];
        int j = 0;
        for (int m = 0; m < lower; m++) {
            kept[j++] = m;
        }
        for (int m = upper; m < height; m++) {
            kept[j++] = m;
        }
        for (int m : kept) {
            mask[m] = 1;
        }
        return new AxisCrop(height, h, kept, mask, new double[height]);
    }

    /** Columns {@code [0, w/2 + 1)} of the grid, unweighted. */
    public static AxisCrop fixedColumns(int width, double strideWidth) {
        int w = fixedOutputWidth(width, strideWidth);
        int cols = w / 2 + 1;
        int[] kept = new int[cols];
        double[] mask = new double[columnGridSize(width)];
        for (int c = 0; c < cols; c++) {
            kept[c] = c;
            mask[c] = 1;
        }
        return new AxisCrop(width, w, kept, mask, new double[mask.length]);
    }

    /** {@code {h, w}} of fixed spectral pooling. */
    public static int[] fixedOutputSize(int height, int width, double strideHeight, double strideWidth) {
        return new int[] {fixedOutputHeight(height, strideHeight), fixedOutputWidth(width, strideWidth)};
    }

    // ------------------------------------------------------------- DiffStride

    /**
     * The smallest stride DiffStride allows along an axis of this size:
     * {@code max(size/(size-R), 1)}, so that the ramp stays inside the spectrum
     * and the stride still gets a gradient near 1. When {@code size <= R} that
     * bound is meaningless (infinite or negative; the reference would produce
     * inf there) and only 1 applies.
     */
    public static double minimumStride(int size, double smoothness) {
        checkSmoothness(smoothness);
        if (size <= smoothness) {
            return 1.0;
        }
        return Math.max(size / (size - smoothness), 1.0);
    }

    /** {@code max(stride, minimumStride(size, R))}. */
    public static double clampStride(int size, double stride, double smoothness) {
        return Math.max(stride, minimumStride(size, smoothness));
    }

    /**
     * Position of row {@code m} on the ramp axis: {@code m} below {@code ceil(H/2)},
     * {@code H - 1 - m} above (frequency {@code -k} sits at position {@code k - 1},
     * as in the reference implementation).
     */
    public static int rowPosition(int height, int m) {
        int half = (height + 1) / 2;
        return m < half ? m : height - 1 - m;
    }

    /** {@code clip((R + T - p)/R, 0, 1)}; for {@code R = 0} its limit, a hard box {@code p <= T}. */
    public static double mask(double target, double position, double smoothness) {
        if (smoothness == 0) {
            return position <= target ? 1.0 : 0.0;
        }
        double u = (smoothness + target - position) / smoothness;
        return Math.min(Math.max(u, 0.0), 1.0);
    }

    /** DiffStride's rows at a stride already clamped by the caller (see {@link #clampStride}). */
    public static AxisCrop diffStrideRows(int height, double strideHeight, double smoothness) {
        checkSize("height", height);
        checkStride("stride height", strideHeight);
        checkSmoothness(smoothness);
        double raw = height / strideHeight;
        double target = Math.max(raw, 2.0) / 2.0;
        double slope = rampSlope(height, strideHeight, smoothness, raw);
        int[] positions = new int[height];
        for (int m = 0; m < height; m++) {
            positions[m] = rowPosition(height, m);
        }
        AxisCrop crop = ramp(height, positions, target, smoothness, slope);
        return new AxisCrop(height, crop.kept().length, crop.kept(), crop.mask(), crop.maskDerivative());
    }

    /** DiffStride's columns at a stride already clamped by the caller; {@code w = 2 (kept - 1)}. */
    public static AxisCrop diffStrideColumns(int width, double strideWidth, double smoothness) {
        checkSize("width", width);
        checkStride("stride width", strideWidth);
        checkSmoothness(smoothness);
        double raw = width / strideWidth;
        double target = Math.max(raw, 2.0) / 2.0 + 1.0;
        double slope = rampSlope(width, strideWidth, smoothness, raw);
        int[] positions = new int[columnGridSize(width)];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = c;
        }
        AxisCrop crop = ramp(width, positions, target, smoothness, slope);
        return new AxisCrop(width, 2 * (crop.kept().length - 1), crop.kept(), crop.mask(), crop.maskDerivative());
    }

    /** {@code {h, w}} of DiffStride at strides already clamped by the caller. */
    public static int[] diffStrideOutputSize(int height, int width, double strideHeight, double strideWidth,
                                             double smoothness) {
        return new int[] {diffStrideRows(height, strideHeight, smoothness).outputSize(),
            diffStrideColumns(width, strideWidth, smoothness).outputSize()};
    }

    /** Number of rfft columns of a map of this width: {@code W/2 + 1}. */
    public static int columnGridSize(int width) {
        return width / 2 + 1;
    }

    /**
     * d mask / d stride on the ramp: {@code (1/R) * dT/dS = (1/R) * (-size / (2 S^2))}
     * (T is half the target, plus a constant for columns). Zero without a ramp
     * (R = 0) and when the target was floored at 2 (it no longer depends on S;
     * at exactly 2 the gradient still passes, as TensorFlow's maximum does).
     */
    private static double rampSlope(int size, double stride, double smoothness, double rawTarget) {
        if (smoothness == 0 || rawTarget < 2.0) {
            return 0.0;
        }
        return (1.0 / smoothness) * (-size / (2.0 * stride * stride));
    }

    /** Masks every grid entry; keeps those with mask > 0 in grid order; slope where 0 <= u <= 1. */
    private static AxisCrop ramp(int size, int[] positions, double target, double smoothness, double slope) {
        double[] mask = new double[positions.length];
        double[] derivative = new double[positions.length];
        int[] kept = new int[positions.length];
        int n = 0;
        for (int i = 0; i < positions.length; i++) {
            mask[i] = mask(target, positions[i], smoothness);
            if (smoothness > 0) {
                double u = (smoothness + target - positions[i]) / smoothness;
                // closed interval, as TensorFlow's clip_by_value passes the gradient at its bounds
                if (u >= 0.0 && u <= 1.0) {
                    derivative[i] = slope;
                }
            }
            if (mask[i] > 0) {
                kept[n++] = i;
            }
        }
        return new AxisCrop(size, n, Arrays.copyOf(kept, n), mask, derivative);
    }

    static void checkSize(String what, int size) {
        if (size < 2) {
            throw new IllegalArgumentException(what + " must be at least 2 for spectral pooling, got " + size);
        }
    }

    static void checkStride(String what, double stride) {
        if (!(stride >= 1.0) || Double.isInfinite(stride)) { // also rejects NaN
            throw new IllegalArgumentException(what + " must be a finite real number >= 1, got " + stride);
        }
    }

    static void checkSmoothness(double smoothness) {
        if (!(smoothness >= 0.0) || Double.isInfinite(smoothness)) {
            throw new IllegalArgumentException("smoothness R must be a finite number >= 0, got " + smoothness);
        }
    }
}
