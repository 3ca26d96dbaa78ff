package org.stridelab.engine.nn;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-channel passes over contiguous float NCHW tensors, written in plain Java
 * over the arrays' off-heap memory and split over channels between the cores.
 *
 * <p>Why by hand: batch norm built from ND4J ops costs five to ten full passes
 * over memory per call (sums, squares, broadcasts, each a separate kernel with
 * its own temporary); here forward is two passes and backward two, with the
 * ReLU that follows batch norm folded in. Each (image, channel) plane is copied
 * into a small Java array, where the JIT vectorises the arithmetic.
 */
final class ChannelKernels {
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private ChannelKernels() {
    }

    /** True when the fast path applies: float, c-order, contiguous, NCHW. */
    static boolean applies(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.rank() == 4 && x.ordering() == 'c' && x.isView() == false
                && x.elementWiseStride() == 1;
    }

    private static FloatBuffer buffer(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        return b.position((int) a.offset()).slice();
    }

    private static void forChannels(int channels, java.util.function.IntConsumer body) {
        if (channels < 4) {
            for (int c = 0; c < channels; c++) {
                body.accept(c);
            }
            return;
        }
        POOL.submit(() -> IntStream.range(0, channels).parallel().forEach(body)).join();
    }

    /** Per-channel sum and sum of squares, into {@code sums[c]} and {@code squares[c]}. */
    static void moments(INDArray x, double[] sums, double[] squares) {
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int plane = (int) (x.size(2) * x.size(3));
        FloatBuffer in = buffer(x);
        forChannels(channels, c -> {
            float[] tmp = new float[plane];
            double s = 0;
            double q = 0;
            for (int i = 0; i < n; i++) {
                in.get((i * channels + c) * plane, tmp, 0, plane);
                float ps = 0;
                float pq = 0;
                for (int k = 0; k < plane; k++) {
                    float v = tmp[k];
                    ps += v;
                    pq += v * v;
                }
                s += ps;
                q += pq;
            }
            sums[c] = s;
            squares[c] = q;
        });
    }

    /** out = x * scale[c] + shift[c], then max(0, .) when {@code relu}. */
    static void affine(INDArray x, float[] scale, float[] shift, boolean relu, INDArray out) {
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int plane = (int) (x.size(2) * x.size(3));
        FloatBuffer in = buffer(x);
        FloatBuffer o = buffer(out);
        forChannels(channels, c -> {
            float[] tmp = new float[plane];
            float a = scale[c];
            float b = shift[c];
            for (int i = 0; i < n; i++) {
                int off = (i * channels + c) * plane;
                in.get(off, tmp, 0, plane);
                if (relu) {
                    for (int k = 0; k < plane; k++) {
                        tmp[k] = Math.max(0f, tmp[k] * a + b);
                    }
                } else {
                    for (int k = 0; k < plane; k++) {
                        tmp[k] = tmp[k] * a + b;
                    }
                }
                o.put(off, tmp, 0, plane);
            }
        });
    }

    /**
     * Sums of the (ReLU-masked) upstream gradient and of its product with x, per
     * channel. With {@code relu}, dy is zeroed where {@code x*scale+shift <= 0}
     * (the ReLU's output was 0), and the masked gradient is written back into
     * {@code dy} so the second pass need not recompute the mask.
     */
    static void gradientSums(INDArray dy, INDArray x, float[] scale, float[] shift, boolean relu, double[] sumDy,
                             double[] sumDyX) {
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int plane = (int) (x.size(2) * x.size(3));
        FloatBuffer g = buffer(dy);
        FloatBuffer in = buffer(x);
        forChannels(channels, c -> {
            float[] gt = new float[plane];
            float[] xt = new float[plane];
            double s = 0;
            double sx = 0;
            float a = scale[c];
            float b = shift[c];
            for (int i = 0; i < n; i++) {
                int off = (i * channels + c) * plane;
                g.get(off, gt, 0, plane);
                in.get(off, xt, 0, plane);
                if (relu) {
                    for (int k = 0; k < plane; k++) {
                        gt[k] = xt[k] * a + b > 0f ? gt[k] : 0f;
                    }
                    g.put(off, gt, 0, plane);
                }
                float ps = 0;
                float px = 0;
                for (int k = 0; k < plane; k++) {
                    ps += gt[k];
                    px += gt[k] * xt[k];
                }
                s += ps;
                sx += px;
            }
            sumDy[c] = s;
            sumDyX[c] = sx;
        });
    }

    /** out = k[c] * dy + b[c] * x + bias[c]. */
    static void combine(INDArray dy, INDArray x, float[] k, float[] b, float[] bias, INDArray out) {
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int plane = (int) (x.size(2) * x.size(3));
        FloatBuffer g = buffer(dy);
        FloatBuffer in = buffer(x);
        FloatBuffer o = buffer(out);
        forChannels(channels, c -> {
            float[] gt = new float[plane];
            float[] xt = new float[plane];
            float kc = k[c];
            float bc = b[c];
            float cc = bias[c];
            for (int i = 0; i < n; i++) {
                int off = (i * channels + c) * plane;
                g.get(off, gt, 0, plane);
                in.get(off, xt, 0, plane);
                for (int j = 0; j < plane; j++) {
                    gt[j] = kc * gt[j] + bc * xt[j] + cc;
                }
                o.put(off, gt, 0, plane);
            }
        });
    }
}
