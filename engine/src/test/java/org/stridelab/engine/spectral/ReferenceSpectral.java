package org.stridelab.engine.spectral;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * An independent, slow reference of docs/numerics.md for one channel:
 * rfft2 by JTransforms, kept rows/columns and masks recomputed here from the
 * page's formulas, then irfft2 written out the textbook way (inverse complex
 * DFT along rows, then Hermitian extension of each row, with the imaginary
 * parts of the self-conjugate bins dropped, and an inverse complex DFT of
 * size w). It shares no code with the layers.
 */
final class ReferenceSpectral {

    private ReferenceSpectral() {
    }

    /** Fixed spectral pooling of one channel. */
    static double[][] fixedPool(double[][] x, double sh, double sw) {
        int bigH = x.length;
        int bigW = x[0].length;
        int h = (int) Math.floor(bigH / sh);
        h -= h % 2;
        h = Math.max(h, 2);
        int w = Math.max((int) Math.floor(bigW / sw), 2);
        int lower = h / 2;
        int upper = bigH - lower;
        int cols = w / 2 + 1;
        int[] rows = new int[h];
        int j = 0;
        for (int m = 0; m < bigH; m++) {
            if (m < lower || m >= upper) {
                rows[j++] = m;
            }
        }
        double[] rowMask = new double[bigH];
        java.util.Arrays.fill(rowMask, 1);
        double[] colMask = new double[bigW / 2 + 1];
        java.util.Arrays.fill(colMask, 1);
        return cropAndInvert(x, rows, cols, rowMask, colMask, w);
    }

    /** DiffStride of one channel at strides already clamped. */
    static double[][] diffStride(double[][] x, double sh, double sw, double r) {
        int bigH = x.length;
        int bigW = x[0].length;
        double tv = Math.max(bigH / sh, 2) / 2;
        double th = Math.max(bigW / sw, 2) / 2 + 1;
        double[] rowMask = new double[bigH];
        int[] rowsAll = new int[bigH];
        int nRows = 0;
        for (int m = 0; m < bigH; m++) {
            int p = m < (bigH + 1) / 2 ? m : bigH - 1 - m;
            rowMask[m] = Math.min(1, Math.max(0, (r + tv - p) / r));
            if (rowMask[m] > 0) {
                rowsAll[nRows++] = m;
            }
        }
        double[] colMask = new double[bigW / 2 + 1];
        int nCols = 0;
        for (int c = 0; c < colMask.length; c++) {
            colMask[c] = Math.min(1, Math.max(0, (r + th - c) / r));
            if (colMask[c] > 0) {
                nCols++;
            }
        }
        return cropAndInvert(x, java.util.Arrays.copyOf(rowsAll, nRows), nCols, rowMask, colMask, 2 * (nCols - 1));
    }

    private static double[][] cropAndInvert(double[][] x, int[] rows, int cols, double[] rowMask, double[] colMask,
                                            int w) {
        int bigH = x.length;
        int bigW = x[0].length;
        double[][] a = new double[bigH][2 * bigW];
        for (int y = 0; y < bigH; y++) {
            for (int xx = 0; xx < bigW; xx++) {
                a[y][2 * xx] = x[y][xx];
            }
        }
        new DoubleFFT_2D(bigH, bigW).complexForward(a);
        int h = rows.length;
        double[][] zr = new double[h][cols];
        double[][] zi = new double[h][cols];
        for (int j = 0; j < h; j++) {
            for (int c = 0; c < cols; c++) {
                double m = rowMask[rows[j]] * colMask[c];
                zr[j][c] = m * a[rows[j]][2 * c];
                zi[j][c] = m * a[rows[j]][2 * c + 1];
            }
        }
        return irfft2(zr, zi, w, 1.0 / (bigH * bigW));
    }

    /** irfft2 of an {@code h x (w/2+1)} spectrum to {@code h x w}, times {@code scale} (no 1/(h w)). */
    static double[][] irfft2(double[][] zr, double[][] zi, int w, double scale) {
        int h = zr.length;
        int cols = zr[0].length;
        // inverse complex DFT along rows
        double[][] ur = new double[h][cols];
        double[][] ui = new double[h][cols];
        for (int n = 0; n < h; n++) {
            for (int c = 0; c < cols; c++) {
                for (int j = 0; j < h; j++) {
                    double ang = 2 * Math.PI * j * n / h;
                    ur[n][c] += zr[j][c] * Math.cos(ang) - zi[j][c] * Math.sin(ang);
                    ui[n][c] += zr[j][c] * Math.sin(ang) + zi[j][c] * Math.cos(ang);
                }
            }
        }
        // c2r along columns: full Hermitian spectrum of length w, then inverse complex DFT, real part
        double[][] out = new double[h][w];
        for (int n = 0; n < h; n++) {
            double[] fr = new double[w];
            double[] fi = new double[w];
            for (int c = 0; c <= w / 2; c++) {
                fr[c] = ur[n][c];
                fi[c] = ui[n][c];
            }
            fi[0] = 0; // self-conjugate: imaginary part ignored
            if (w % 2 == 0) {
                fi[w / 2] = 0;
            }
            for (int c = 1; c < (w + 1) / 2; c++) {
                fr[w - c] = fr[c];
                fi[w - c] = -fi[c];
            }
            for (int q = 0; q < w; q++) {
                double s = 0;
                for (int k = 0; k < w; k++) {
                    double ang = 2 * Math.PI * k * q / w;
                    s += fr[k] * Math.cos(ang) - fi[k] * Math.sin(ang);
                }
                out[n][q] = s * scale;
            }
        }
        return out;
    }

    static double[][] random(java.util.Random rnd, int h, int w) {
        double[][] x = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                x[i][j] = rnd.nextGaussian();
            }
        }
        return x;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new AssertionError("sizes differ: " + a.length + "x" + a[0].length + " vs "
                + b.length + "x" + b[0].length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }
}
