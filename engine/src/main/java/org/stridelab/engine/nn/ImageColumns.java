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
        Geometry g = new Geometry(h, w, c, kernel, stride, padding, ho, wo);
        if (x.dataType() != DataType.FLOAT) {
            float[] in = x.dup('c').reshape(x.length()).toFloatVector();
            float[] out = new float[n * ho * wo * cols];
            for (int img = 0; img < n; img++) {
                float[] rows = new float[ho * wo * cols];
                g.rows(in, img * h * w * c, rows);
                System.arraycopy(rows, 0, out, img * rows.length, rows.length);
            }
            return Nd4j.createFromArray(out).reshape((long) n * ho * wo, cols).castTo(x.dataType());
        }
        INDArray src = Contiguous.of(x);
        FloatBuffer in = Contiguous.floats(src);
        INDArray result = Nd4j.createUninitialized(DataType.FLOAT, (long) n * ho * wo, cols);
        FloatBuffer out = Contiguous.floats(result);
        // Image by image through small per-thread arrays: no batch-sized (humongous) garbage per step.
        int imageFloats = h * w * c;
        int rowFloats = ho * wo * cols;
        ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[][]{new float[imageFloats],
            new float[rowFloats]});
        KernelThreads.SHARED.run(n, img -> {
            float[][] t = scratch.get();
            in.get(img * imageFloats, t[0], 0, imageFloats);
            g.rows(t[0], 0, t[1]);
            out.put(img * rowFloats, t[1], 0, rowFloats);
        });
        return result;
    }

    private record Geometry(int h, int w, int c, int kernel, int stride, int padding, int ho, int wo) {

        /** The rows of one image, from its pixels at {@code from} in {@code in}; padding written as zeros. */
        void rows(float[] in, int from, float[] out) {
            int cols = c * kernel * kernel;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int row = (oy * wo + ox) * cols;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride + ky - padding;
                        for (int kx = 0; kx < kernel; kx++) {
                            int xx = ox * stride + kx - padding;
                            boolean inside = y >= 0 && y < h && xx >= 0 && xx < w;
                            int src = from + (y * w + xx) * c;
                            for (int ch = 0; ch < c; ch++) {
                                out[row + (ch * kernel + ky) * kernel + kx] = inside ? in[src + ch] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }
}
