package org.stridelab.engine.spectral;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Plain-array helpers for the views (no JavaFX, no ND4J): the centred
 * log-magnitude spectrum of an image, DiffStride's and fixed pooling's 2-D
 * masks, and before/after crops of an image through the three downsamplings.
 * Images are {@code [H][W]} per channel, or {@code [C][H][W]}.
 */
public final class SpectrumTools {

    private SpectrumTools() {
    }

    // --------------------------------------------------------------- spectra

    /**
     * {@code log(1 + |DFT(x)|)} over the full frequency plane, centred: the DC
     * term at {@code (H/2, W/2)}, frequency {@code (kr, kc)} at
     * {@code (H/2 + kr, W/2 + kc)} modulo the size (the fftshift layout).
     */
    public static double[][] logMagnitudeSpectrum(double[][] image) {
        int h = image.length;
        int w = image[0].length;
        double[][] a = new double[h][2 * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y][2 * x] = image[y][x];
            }
        }
        new DoubleFFT_2D(h, w).complexForward(a);
        double[][] mag = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mag[y][x] = Math.log1p(Math.hypot(a[y][2 * x], a[y][2 * x + 1]));
            }
        }
        return centre(mag);
    }

    /** As {@link #logMagnitudeSpectrum(double[][])}, for float images. */
    public static float[][] logMagnitudeSpectrum(float[][] image) {
        return toFloat(logMagnitudeSpectrum(toDouble(image)));
    }

    /** Moves entry {@code (0, 0)} to {@code (H/2, W/2)} (fftshift). */
    public static double[][] centre(double[][] a) {
        int h = a.length;
        int w = a[0].length;
        double[][] out = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                out[i][j] = a[(i - h / 2 + h) % h][(j - w / 2 + w) % w];
            }
        }
        return out;
    }

    // ----------------------------------------------------------------- masks

    /**
     * DiffStride's 2-D mask on the rfft grid, {@code [H][W/2+1]}, rows in FFT
     * order: the outer product of the row and column masks, at the strides the
     * layer would use on this input (the minimum-stride clamp applied).
     */
    public static double[][] diffStrideMask(int height, int width, double strideHeight, double strideWidth,
                                            double smoothness) {
        double sh = SpectralGeometry.clampStride(height, strideHeight, smoothness);
        double sw = SpectralGeometry.clampStride(width, strideWidth, smoothness);
        return outer(SpectralGeometry.diffStrideRows(height, sh, smoothness).mask(),
            SpectralGeometry.diffStrideColumns(width, sw, smoothness).mask());
    }

    /** Fixed spectral pooling's 0/1 mask on the rfft grid, {@code [H][W/2+1]}, rows in FFT order. */
    public static double[][] fixedMask(int height, int width, double strideHeight, double strideWidth) {
        return outer(SpectralGeometry.fixedRows(height, strideHeight).mask(),
            SpectralGeometry.fixedColumns(width, strideWidth).mask());
    }

    /**
     * A mask on the rfft grid spread over the full plane and centred like
     * {@link #logMagnitudeSpectrum}: columns beyond {@code W/2} take the value of
     * the conjugate bin {@code (-kr, -kc)}, which is what a real output implies.
     */
    public static double[][] centredMask(double[][] rfftMask, int width) {
        int h = rfftMask.length;
        if (rfftMask[0].length != SpectralGeometry.columnGridSize(width)) {
            throw new IllegalArgumentException("a mask for width " + width + " has "
                + SpectralGeometry.columnGridSize(width) + " columns, got " + rfftMask[0].length);
        }
        double[][] full = new double[h][width];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < width; c++) {
                full[r][c] = c <= width / 2 ? rfftMask[r][c] : rfftMask[(h - r) % h][width - c];
            }
        }
        return centre(full);
    }

    /** {@code out[i][j] = rows[i] * columns[j]}. */
    public static double[][] outer(double[] rows, double[] columns) {
        double[][] out = new double[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                out[i][j] = rows[i] * columns[j];
            }
        }
        return out;
    }

    // ----------------------------------------------------------------- crops

    /** Each channel through fixed spectral pooling at {@code (sh, sw)}. */
    public static CropResult spectralPoolingCrop(float[][][] image, double strideHeight, double strideWidth) {
        int h = image[0].length;
        int w = image[0][0].length;
        return apply(image, new PlainSpectralTransform(SpectralGeometry.fixedRows(h, strideHeight),
            SpectralGeometry.fixedColumns(w, strideWidth)), strideHeight, strideWidth);
    }

    /** Each channel through DiffStride at {@code (sh, sw)} (clamped as the layer would) and smoothness R. */
    public static CropResult diffStrideCrop(float[][][] image, double strideHeight, double strideWidth,
                                            double smoothness) {
        int h = image[0].length;
        int w = image[0][0].length;
        double sh = SpectralGeometry.clampStride(h, strideHeight, smoothness);
        double sw = SpectralGeometry.clampStride(w, strideWidth, smoothness);
        return apply(image, new PlainSpectralTransform(SpectralGeometry.diffStrideRows(h, sh, smoothness),
            SpectralGeometry.diffStrideColumns(w, sw, smoothness)), sh, sw);
    }

    /**
     * Plain subsampling {@code x[::s, ::s]} at the strides rounded to integers
     * (at least 1): no low-pass, so it shows aliasing. Output {@code ceil(H/s) x ceil(W/s)}.
     */
    public static CropResult stridedCrop(float[][][] image, double strideHeight, double strideWidth) {
        SpectralGeometry.checkStride("stride height", strideHeight);
        SpectralGeometry.checkStride("stride width", strideWidth);
        int sh = (int) Math.max(1, Math.round(strideHeight));
        int sw = (int) Math.max(1, Math.round(strideWidth));
        int h = image[0].length;
        int w = image[0][0].length;
        int oh = (h + sh - 1) / sh;
        int ow = (w + sw - 1) / sw;
        float[][][] out = new float[image.length][oh][ow];
        for (int ch = 0; ch < image.length; ch++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    out[ch][i][j] = image[ch][i * sh][j * sw];
                }
            }
        }
        return new CropResult(out, oh, ow, sh, sw);
    }

    private static CropResult apply(float[][][] image, PlainSpectralTransform t, double sh, double sw) {
        float[][][] out = new float[image.length][][];
        for (int ch = 0; ch < image.length; ch++) {
            out[ch] = toFloat(t.apply(toDouble(image[ch])));
        }
        return new CropResult(out, t.outputHeight(), t.outputWidth(), sh, sw);
    }

    static double[][] toDouble(float[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j];
            }
        }
        return out;
    }

    static float[][] toFloat(double[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = (float) a[i][j];
            }
        }
        return out;
    }
}
