package org.stridelab.engine.nn;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Milliseconds per batch-norm forward and backward (with the folded ReLU) on the
 * channels-last shapes of a batch-128 ResNet-18 at widths 0.25 and 1.0: the
 * figure to compare before and after a change to {@link ChannelKernels} or to
 * the way it fans work out over the cores.
 *
 * <p>Run: {@code java -cp ... org.stridelab.engine.nn.BatchNormKernelBenchmark [repeats]}.
 */
public final class BatchNormKernelBenchmark {
    private static final long[][] SHAPES = {
        {128, 32, 32, 16}, {128, 16, 16, 32}, {128, 8, 8, 64}, {128, 4, 4, 128},
        {128, 32, 32, 64}, {128, 16, 16, 128}, {128, 8, 8, 256},
    };

    private BatchNormKernelBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double total = 0;
        for (long[] shape : SHAPES) {
            BatchNorm bn = new BatchNorm("bench", (int) shape[3], true);
            INDArray x = Nd4j.randn(DataType.FLOAT, shape);
            INDArray dy = Nd4j.randn(DataType.FLOAT, shape);
            double[] forward = new double[repeats];
            double[] backward = new double[repeats];
            for (int i = -5; i < repeats; i++) {
                INDArray gradient = dy.dup(); // backward masks its gradient in place
                long t0 = System.nanoTime();
                bn.forward(x, true);
                long t1 = System.nanoTime();
                bn.backward(gradient);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    forward[i] = (t1 - t0) / 1e6;
                    backward[i] = (t2 - t1) / 1e6;
                }
            }
            double f = median(forward);
            double b = median(backward);
            total += f + b;
            System.out.printf(Locale.ROOT, "batch norm + ReLU %-18s forward %6.3f ms  backward %6.3f ms%n",
                    Arrays.toString(shape), f, b);
        }
        System.out.printf(Locale.ROOT, "sum of medians over the shapes: %.2f ms%n", total);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
