package org.stridelab.engine.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-channel passes over contiguous float channels-last tensors ([N, H, W, C],
 * read as a matrix of {@code N*H*W} rows of C channels), written in plain Java
 * over the arrays' off-heap memory and split over row blocks between the cores.
 *
 * <p>Why by hand: batch norm built from ND4J ops costs five to ten full passes
 * over memory per call (sums, squares, broadcasts, each a separate kernel with
 * its own temporary); here forward is two passes and backward two, with the
 * ReLU that follows batch norm folded in. Blocks of rows are copied into a small
 * Java array; the inner loop runs along the channels, which the JIT vectorises.
 * The row ranges are spread over the cores by {@link KernelThreads}.
 */
final class ChannelKernels {
    /**
     * Floats per block copied to the Java heap. Small, so that a block and the
     * per-position accumulators stay in L1: 256 ran the kernels 1.3-2x faster than
     * 4096 here (moments on [128, 32, 32, 16]: 0.67 ms against 1.13 ms).
     */
    private static final int BLOCK_FLOATS = 256;
    /** Rows per parallel task; each task sums in float over one block, then in double. */
    private static final int TASKS = 4 * KernelThreads.SHARED.parallelism();

    private ChannelKernels() {
    }

    /** True when the fast path applies: host kernels on, float, c-order, contiguous, rank 4. */
    static boolean applies(INDArray x) {
        return HostKernels.enabled() && x.dataType() == DataType.FLOAT && x.rank() == 4 && Contiguous.is(x);
    }

    /** The row ranges {@code [from, to)} of the parallel tasks. */
    private interface RowTask {
        void run(int task, int fromRow, int toRow);
    }

    private static void forRows(long rows, long channels, RowTask body) {
        int tasks = (int) Math.min(TASKS, Math.max(1, rows * channels / (4 * BLOCK_FLOATS)));
        if (tasks == 1) {
            body.run(0, 0, (int) rows);
            return;
        }
        KernelThreads.SHARED.run(tasks, t -> body.run(t, (int) (rows * t / tasks), (int) (rows * (t + 1) / tasks)));
    }

    private static int blockRows(int channels) {
        return Math.max(1, BLOCK_FLOATS / channels);
    }

    /**
     * 1 for y > 0, else 0 (NaN stays NaN), without a branch: C2 does not vectorise
     * a conditional select here, and that made the masked backward 4x slower.
     * Positive y of at least the smallest normal float times MAX_VALUE exceed 1;
     * subnormal pre-activations, the only ones that would give a fraction, count
     * as the zeros they are.
     */
    private static float step(float y) {
        return Math.min(1f, Math.max(0f, y * Float.MAX_VALUE));
    }

    /** {@code perChannel} repeated for {@code rows} rows: lets the inner loops run flat over a block. */
    private static float[] repeat(float[] perChannel, int rows) {
        int channels = perChannel.length;
        float[] out = new float[rows * channels];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(perChannel, 0, out, r * channels, channels);
        }
        return out;
    }

    /** Adds the per-position accumulator of a task, folded over its rows, into {@code into[c]}. */
    private static void fold(float[] acc, int channels, double[] into) {
        for (int i = 0; i < acc.length; i++) {
            into[i % channels] += acc[i];
        }
    }

    private static double[] total(double[][] perTask, int channels) {
        double[] out = new double[channels];
        for (double[] t : perTask) {
            for (int c = 0; c < channels; c++) {
                out[c] += t[c];
            }
        }
        return out;
    }

    /*
     * The loops below run flat over a block of whole rows (so that they are long
     * enough to vectorise even for 16 channels); per-channel values are repeated
     * to the block's length, and per-channel sums are accumulated per position and
     * folded onto the channels once per task.
     */

    /** Per-channel sum and sum of squares, into {@code sums[c]} and {@code squares[c]}. */
    static void moments(INDArray x, double[] sums, double[] squares) {
        int channels = (int) x.size(3);
        long rows = x.length() / channels;
        FloatBuffer in = Contiguous.floats(x);
        double[][] s = new double[TASKS][channels];
        double[][] q = new double[TASKS][channels];
        forRows(rows, channels, (task, from, to) -> {
            int block = blockRows(channels);
            float[] tmp = new float[block * channels];
            float[] ps = new float[block * channels];
            float[] pq = new float[block * channels];
            for (int r0 = from; r0 < to; r0 += block) {
                int len = Math.min(block, to - r0) * channels;
                in.get(r0 * channels, tmp, 0, len);
                for (int i = 0; i < len; i++) {
                    float v = tmp[i];
                    ps[i] += v;
                    pq[i] += v * v;
                }
            }
            fold(ps, channels, s[task]);
            fold(pq, channels, q[task]);
        });
        System.arraycopy(total(s, channels), 0, sums, 0, channels);
        System.arraycopy(total(q, channels), 0, squares, 0, channels);
    }

    /** out = x * scale[c] + shift[c] (+ residual when given), then max(0, .) when {@code relu}. */
    static void affine(INDArray x, float[] scale, float[] shift, INDArray residual, boolean relu, INDArray out) {
        int channels = (int) x.size(3);
        long rows = x.length() / channels;
        FloatBuffer in = Contiguous.floats(x);
        FloatBuffer res = residual == null ? null : Contiguous.floats(residual);
        FloatBuffer o = Contiguous.floats(out);
        int block = blockRows(channels);
        float[] a = repeat(scale, block);
        float[] b = repeat(shift, block);
        forRows(rows, channels, (task, from, to) -> {
            float[] tmp = new float[block * channels];
            float[] rt = res == null ? null : new float[block * channels];
            for (int r0 = from; r0 < to; r0 += block) {
                int len = Math.min(block, to - r0) * channels;
                in.get(r0 * channels, tmp, 0, len);
                if (rt != null) {
                    res.get(r0 * channels, rt, 0, len);
                    for (int i = 0; i < len; i++) {
                        tmp[i] = Math.max(0f, tmp[i] * a[i] + b[i] + rt[i]);
                    }
                } else if (relu) {
                    for (int i = 0; i < len; i++) {
                        tmp[i] = Math.max(0f, tmp[i] * a[i] + b[i]);
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        tmp[i] = tmp[i] * a[i] + b[i];
                    }
                }
                o.put(r0 * channels, tmp, 0, len);
            }
        });
    }

    /**
     * Sums of the (ReLU-masked) upstream gradient and of its product with x, per
     * channel. With {@code relu}, dy is zeroed where {@code x*scale+shift <= 0};
     * with an {@code output} (of a fused add and ReLU), where that output is 0.
     * The masked gradient is written back into {@code dy}, so the second pass need
     * not recompute the mask (and the residual path can take it).
     */
    static void gradientSums(INDArray dy, INDArray x, float[] scale, float[] shift, boolean relu, INDArray output,
                             double[] sumDy, double[] sumDyX) {
        int channels = (int) x.size(3);
        long rows = x.length() / channels;
        FloatBuffer g = Contiguous.floats(dy);
        FloatBuffer in = Contiguous.floats(x);
        FloatBuffer outBuffer = output == null ? null : Contiguous.floats(output);
        int block = blockRows(channels);
        float[] a = repeat(scale, block);
        float[] b = repeat(shift, block);
        double[][] s = new double[TASKS][channels];
        double[][] sx = new double[TASKS][channels];
        forRows(rows, channels, (task, from, to) -> {
            float[] gt = new float[block * channels];
            float[] xt = new float[block * channels];
            float[] ps = new float[block * channels];
            float[] px = new float[block * channels];
            float[] ot = outBuffer == null ? null : new float[block * channels];
            for (int r0 = from; r0 < to; r0 += block) {
                int len = Math.min(block, to - r0) * channels;
                g.get(r0 * channels, gt, 0, len);
                in.get(r0 * channels, xt, 0, len);
                if (ot != null) {
                    outBuffer.get(r0 * channels, ot, 0, len);
                    for (int i = 0; i < len; i++) {
                        gt[i] *= step(ot[i]);
                    }
                    g.put(r0 * channels, gt, 0, len);
                } else if (relu) {
                    for (int i = 0; i < len; i++) {
                        gt[i] *= step(xt[i] * a[i] + b[i]);
                    }
                    g.put(r0 * channels, gt, 0, len);
                }
                for (int i = 0; i < len; i++) {
                    ps[i] += gt[i];
                    px[i] += gt[i] * xt[i];
                }
            }
            fold(ps, channels, s[task]);
            fold(px, channels, sx[task]);
        });
        System.arraycopy(total(s, channels), 0, sumDy, 0, channels);
        System.arraycopy(total(sx, channels), 0, sumDyX, 0, channels);
    }

    /** out = k[c] * dy + b[c] * x + bias[c]. */
    static void combine(INDArray dy, INDArray x, float[] k, float[] b, float[] bias, INDArray out) {
        int channels = (int) x.size(3);
        long rows = x.length() / channels;
        FloatBuffer g = Contiguous.floats(dy);
        FloatBuffer in = Contiguous.floats(x);
        FloatBuffer o = Contiguous.floats(out);
        int block = blockRows(channels);
        float[] kr = repeat(k, block);
        float[] br = repeat(b, block);
        float[] cr = repeat(bias, block);
        forRows(rows, channels, (task, from, to) -> {
            float[] gt = new float[block * channels];
            float[] xt = new float[block * channels];
            for (int r0 = from; r0 < to; r0 += block) {
                int len = Math.min(block, to - r0) * channels;
                g.get(r0 * channels, gt, 0, len);
                in.get(r0 * channels, xt, 0, len);
                for (int i = 0; i < len; i++) {
                    gt[i] = kr[i] * gt[i] + br[i] * xt[i] + cr[i];
                }
                o.put(r0 * channels, gt, 0, len);
            }
        });
    }
}
