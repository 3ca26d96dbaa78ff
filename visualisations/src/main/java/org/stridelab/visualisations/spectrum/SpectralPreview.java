package org.stridelab.visualisations.spectrum;

import org.stridelab.engine.spectral.CropResult;
import org.stridelab.engine.spectral.SpectrumTools;

/**
 * Everything the crop inspector shows for one image and one setting of the
 * strides, computed by the engine's {@link SpectrumTools} (the same geometry the
 * layers train with, so the sizes shown are the sizes the network gets).
 *
 * @param image        the input, channels {@code [3][H][W]} in 0..1
 * @param spectrum     log(1 + |DFT|) of the image's luminance, centred (DC in the middle)
 * @param diffMask     DiffStride's mask spread over the full, centred plane (1 = kept)
 * @param fixedMask    fixed spectral pooling's 0/1 mask, full and centred
 * @param strided      plain subsampling {@code x[::s, ::s]} at the strides rounded to integers
 * @param fixed        fixed spectral pooling
 * @param diffStride   DiffStride at the strides (clamped as the layer would) and smoothness
 */
public record SpectralPreview(float[][][] image, double[][] spectrum, double[][] diffMask, double[][] fixedMask,
                              CropResult strided, CropResult fixed, CropResult diffStride, double smoothness) {

    /** Computes the preview; cheap for 32x32 (well under a millisecond per crop), fine on the FX thread. */
    public static SpectralPreview of(float[][][] image, double strideHeight, double strideWidth, double smoothness) {
        int h = image[0].length;
        int w = image[0][0].length;
        double[][] spectrum = SpectrumTools.logMagnitudeSpectrum(luminance(image));
        double[][] diffMask = SpectrumTools.centredMask(
                SpectrumTools.diffStrideMask(h, w, strideHeight, strideWidth, smoothness), w);
        double[][] fixedMask = SpectrumTools.centredMask(
                SpectrumTools.fixedMask(h, w, strideHeight, strideWidth), w);
        return new SpectralPreview(image, spectrum, diffMask, fixedMask,
                SpectrumTools.stridedCrop(image, strideHeight, strideWidth),
                SpectrumTools.spectralPoolingCrop(image, strideHeight, strideWidth),
                SpectrumTools.diffStrideCrop(image, strideHeight, strideWidth, smoothness), smoothness);
    }

    /**
     * The colour range for the spectrum: from the 2nd to the 99.5th percentile of
     * the bins other than frequency 0. The mean (DC) is usually far larger than
     * everything else and a few peaks dominate the rest; scaling to the extremes
     * would leave the picture near black. Both are drawn saturated instead.
     */
    public double[] spectrumRange() {
        int h = spectrum.length;
        int w = spectrum[0].length;
        double[] v = new double[h * w - 1];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y != h / 2 || x != w / 2) {
                    v[n++] = spectrum[y][x];
                }
            }
        }
        java.util.Arrays.sort(v);
        double lo = v[(int) (0.02 * (n - 1))];
        double hi = v[(int) Math.round(0.995 * (n - 1))];
        return hi > lo ? new double[] {lo, hi} : new double[] {lo, lo + 1};
    }

    /** Rec. 601 luma: one spectrum for the picture as the eye sees it, rather than three. */
    static double[][] luminance(float[][][] rgb) {
        int h = rgb[0].length;
        int w = rgb[0][0].length;
        double[][] y = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                y[i][j] = rgb.length >= 3 ? 0.299 * rgb[0][i][j] + 0.587 * rgb[1][i][j] + 0.114 * rgb[2][i][j]
                        : rgb[0][i][j];
            }
        }
        return y;
    }

    /** A CIFAR-layout image (3 planes of side x side) as channels {@code [3][side][side]}. */
    public static float[][][] channels(float[] planes, int side) {
        float[][][] out = new float[3][side][side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                System.arraycopy(planes, c * side * side + y * side, out[c][y], 0, side);
            }
        }
        return out;
    }
}
