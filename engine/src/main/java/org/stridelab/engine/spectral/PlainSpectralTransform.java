package org.stridelab.engine.spectral;

/**
 * The same separable map as the layers, {@code y = A1 x B1^T - A2 x B2^T}, on
 * one plain 2-D array in double precision: for the views' before/after crops,
 * where one image at a time does not justify ND4J.
 */
final class PlainSpectralTransform {
    private final AxisOperator rows;
    private final AxisOperator columns;

    PlainSpectralTransform(AxisCrop rows, AxisCrop columns) {
        this.rows = AxisOperator.rows(rows);
        this.columns = AxisOperator.columns(columns);
    }

    int outputHeight() {
        return rows.outputSize();
    }

    int outputWidth() {
        return columns.outputSize();
    }

    double[][] apply(double[][] x) {
        int bigH = rows.inputSize();
        int bigW = columns.inputSize();
        int h = rows.outputSize();
        int w = columns.outputSize();
        if (x.length != bigH || x[0].length != bigW) {
            throw new IllegalArgumentException("expected a " + bigH + "x" + bigW + " image, got "
                + x.length + "x" + x[0].length);
        }
        // columns first: T_k[y][q] = sum_x x[y][x] B_k[q][x]
        double[][] t1 = new double[bigH][w];
        double[][] t2 = new double[bigH][w];
        for (int y = 0; y < bigH; y++) {
            for (int q = 0; q < w; q++) {
                double s1 = 0;
                double s2 = 0;
                for (int xx = 0; xx < bigW; xx++) {
                    s1 += x[y][xx] * columns.re()[q * bigW + xx];
                    s2 += x[y][xx] * columns.im()[q * bigW + xx];
                }
                t1[y][q] = s1;
                t2[y][q] = s2;
            }
        }
        // then rows: out[n][q] = sum_y A1[n][y] T1[y][q] - A2[n][y] T2[y][q]
        double[][] out = new double[h][w];
        for (int n = 0; n < h; n++) {
            for (int y = 0; y < bigH; y++) {
                double a1 = rows.re()[n * bigH + y];
                double a2 = rows.im()[n * bigH + y];
                for (int q = 0; q < w; q++) {
                    out[n][q] += a1 * t1[y][q] - a2 * t2[y][q];
                }
            }
        }
        return out;
    }
}
