package org.stridelab.engine.spectral;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.Layer;

/**
 * Times forward + backward of fixed spectral pooling and DiffStride at stride 2
 * on float batches, the way training runs them: inside one reused workspace
 * per step (without it, fresh off-heap buffers page-fault and times double).
 * DiffStride's stride is nudged every step, so its times include rebuilding
 * the matrices, as in training. Prints the median of the timed runs.
 *
 * <p>Usage: {@code SpectralPoolingBenchmark [runs]} (default 10, after 3 warm-up runs).
 */
public final class SpectralPoolingBenchmark {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
        .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();

    private SpectralPoolingBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[][] shapes = {{128, 64, 32, 32}, {128, 256, 8, 8}};
        System.out.printf("%-12s %-20s %-11s %-9s %12s %12s%n", "layer", "input", "output", "method",
            "fwd ms", "fwd+bwd ms");
        for (long[] shape : shapes) {
            int h = (int) shape[2];
            int w = (int) shape[3];
            SpectralPooling fixed = new SpectralPooling(2, 2);
            int[] fo = fixed.outputSize(h, w);
            report("fixed", shape, method(h, w, fo), fixed.newBranch(), null, runs);
            DiffStride learned = new DiffStride("bench", 2, 2);
            int[] lo = learned.outputSize(h, w);
            report("diffstride", shape, method(h, w, lo), learned.newBranch(), learned, runs);
        }
    }

    private static void report(String name, long[] shape, String method, Layer layer, DiffStride learned,
                               int runs) {
        String workspace = "bench-" + name + Arrays.toString(shape); // one per size, as in one training run
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        long[] outShape = layer.forward(x, true).shape();
        INDArray g = Nd4j.rand(DataType.FLOAT, outShape);
        double[] forward = new double[runs];
        double[] both = new double[runs];
        for (int i = -3; i < runs; i++) {
            if (learned != null) {
                // strides change every training step: include the matrix rebuild
                learned.strideParameter().value().putScalar(0, 2.0 + 1e-4 * (i + 4));
                learned.strideParameter().value().putScalar(1, 2.0 + 1e-4 * (i + 4));
            }
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, workspace)) {
                long t0 = System.nanoTime();
                layer.forward(x, true);
                long t1 = System.nanoTime();
                layer.backward(g);
                long t2 = System.nanoTime();
                layer.clearCache();
                if (i >= 0) {
                    forward[i] = (t1 - t0) / 1e6;
                    both[i] = (t2 - t0) / 1e6;
                }
            }
        }
        System.out.printf("%-12s %-20s %-11s %-9s %12.2f %12.2f%n", name, Arrays.toString(shape),
            outShape[2] + "x" + outShape[3], method, median(forward), median(both));
    }

    private static String method(int h, int w, int[] out) {
        return SpectralOperator.prefersKronecker(h, w, out[0], out[1]) ? "kronecker" : "separable";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
