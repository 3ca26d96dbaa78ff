package org.stridelab.engine.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small conversions between NCHW ND4J arrays and per-channel plain arrays, for the tests. */
final class Arrays4 {
    private Arrays4() {
    }

    static double[][] channel(INDArray a, int n, int c) {
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        double[][] out = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                out[i][j] = a.getDouble(n, c, i, j);
            }
        }
        return out;
    }

    static double channelMean(INDArray a, int n, int c) {
        double s = 0;
        for (double[] row : channel(a, n, c)) {
            for (double v : row) {
                s += v;
            }
        }
        return s / (a.size(2) * a.size(3));
    }

    static INDArray randn(DataType type, long seed, int n, int c, int h, int w) {
        return Nd4j.randn(seed, new long[] {n, c, h, w}).castTo(type);
    }

    /** Sum of elementwise products, in double. */
    static double inner(INDArray a, INDArray b) {
        double[] x = a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
        double[] y = b.castTo(DataType.DOUBLE).reshape(b.length()).toDoubleVector();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
