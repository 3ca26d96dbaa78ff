package org.stridelab.visualisations.masks;

/**
 * Turns a spectral layer's two 1-D masks (rows of the rfft grid in FFT order,
 * columns 0..W/2) into what the heatmap shows: the 2-D mask with rows
 * re-ordered so that frequency 0 sits in the middle (negative frequencies
 * above, positive below), and the box of bins the crop keeps.
 *
 * <p>Centring only the rows is the honest picture of the rfft grid: columns of
 * a real image's spectrum are only stored for frequencies 0..W/2 (the negative
 * ones are their mirror), so they stay on the left, starting at 0.
 */
public final class MaskGeometry {

    private MaskGeometry() {
    }

    /** Kept bins as a box in display coordinates: rows [top, bottom], columns [0, right] (inclusive). */
    public record CropBox(int top, int bottom, int right) {
        public int rows() {
            return bottom - top + 1;
        }
    }

    /** The FFT-order row shown at display row {@code d}: frequency {@code d - H/2}. */
    public static int fftRow(int displayRow, int height) {
        return Math.floorMod(displayRow - height / 2, height);
    }

    /** The 2-D mask, rows centred: {@code out[d][c] = rows[fftRow(d)] * columns[c]}. */
    public static double[][] centredRows(float[] rowMask, float[] columnMask) {
        int h = rowMask.length;
        double[][] out = new double[h][columnMask.length];
        for (int d = 0; d < h; d++) {
            double r = rowMask[fftRow(d, h)];
            for (int c = 0; c < columnMask.length; c++) {
                out[d][c] = r * columnMask[c];
            }
        }
        return out;
    }

    /** The smallest box holding every bin with a non-zero mask; null if the mask is empty. */
    public static CropBox cropBox(float[] rowMask, float[] columnMask) {
        int h = rowMask.length;
        int top = -1;
        int bottom = -1;
        for (int d = 0; d < h; d++) {
            if (rowMask[fftRow(d, h)] > 0) {
                if (top < 0) {
                    top = d;
                }
                bottom = d;
            }
        }
        int right = -1;
        for (int c = 0; c < columnMask.length; c++) {
            if (columnMask[c] > 0) {
                right = c;
            }
        }
        return top < 0 || right < 0 ? null : new CropBox(top, bottom, right);
    }
}
