package org.stridelab.engine.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * im2col for a channels-last map with few channels (the RGB input): one row per
 * output pixel, columns in (channel, ky, kx) order so that {@code G^T cols} is
 * the weight gradient already in [out, in, k, k] layout.
 *
 * <p>Why: the stem's input is the data, so it needs no input gradient, yet
 * libnd4j's {@code conv2d_bp} always computes one, and with three input channels
 * oneDNN's weight gradient ran 10-15x slower than the forward. One GEMM over
 * these columns does the weight gradient alone.
 */
final class ImageColumns {

    private ImageColumns() {
    }

    /** [N*H'*W', C*k*k] for a [N, H, W, C] input (zero padding). */
    static INDArray of(INDArray x, int kernel, int stride, int padding) {
        int n = (int) x.size(0);
        int h = (int) x.size(1);
        int w = (int) x.size(2);
        int c = (int) x.size(3);
        int ho = (h + 2 * padding - kernel) / stride + 1;
        int wo = (w + 2 * padding - kernel) / stride + 1;
        int cols = c * kernel * kernel;
        if (x.dataType() != DataType.FLOAT) {
            return Nd4j.createFromArray(build(x.dup('c').reshape(x.length()).toFloatVector(), n, h, w, c, kernel,
                    stride, padding, ho, wo)).reshape((long) n * ho * wo, cols).castTo(x.dataType());
        }
        float[] in = new float[(int) x.length()];
        INDArray src = x.ordering() == 'c' && !x.isView() ? x : x.dup('c');
        FloatBuffer b = src.data().asNioFloat();
        b.position((int) src.offset()).slice().get(in);
        float[] out = build(in, n, h, w, c, kernel, stride, padding, ho, wo);
        INDArray result = Nd4j.createUninitialized(DataType.FLOAT, (long) n * ho * wo, cols);
        FloatBuffer o = result.data().asNioFloat();
        o.position((int) result.offset()).slice().put(out);
        return result;
    }

    private static float[] build(float[] in, int n, int h, int w, int c, int kernel, int stride, int padding, int ho,
                                 int wo) {
        int cols = c * kernel * kernel;
        float[] out = new float[n * ho * wo * cols];
        java.util.stream.IntStream.range(0, n).parallel().forEach(img -> {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int row = ((img * ho + oy) * wo + ox) * cols;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride + ky - padding;
                        for (int kx = 0; kx < kernel; kx++) {
                            int xx = ox * stride + kx - padding;
                            if (y < 0 || y >= h || xx < 0 || xx >= w) {
                                continue; // zero padding: the array starts zeroed
                            }
                            int src = ((img * h + y) * w + xx) * c;
                            for (int ch = 0; ch < c; ch++) {
                                out[row + (ch * kernel + ky) * kernel + kx] = in[src + ch];
                            }
                        }
                    }
                }
            }
        });
        return out;
    }
}
