package org.stridelab.engine.train;

import org.stridelab.engine.config.OptimizerKind;
import org.stridelab.engine.config.ScheduleKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.Batch;
import org.stridelab.engine.data.BatchLoader;
import org.stridelab.engine.data.CifarBinaryReader;
import org.stridelab.engine.data.GeneratedDataset;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.ModelConfig;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.nn.SoftmaxCrossEntropy;

/** Times full training steps (forward, loss, backward, SGD update) of ResNet-18 on 32x32 images. */
public final class StepBenchmark {

    public record Result(DownsamplingMethod method, double width, int batch, boolean withData, double medianMillis,
                         double minMillis, double imagesPerSecond, double gflopPerImage, double gflops,
                         long residentMegabytes, long residentGrowthMegabytes, double poolingMillis,
                         double[] stepMillis) {
    }

    private StepBenchmark() {
    }

    /** GFLOP/s of {@code Nd4j.gemm} on square float matrices (best of the runs). */
    public static double gemmGflops(int n, int runs) {
        INDArray a = Nd4j.rand(n, n);
        INDArray b = Nd4j.rand(n, n);
        INDArray c = Nd4j.create(n, n);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs + 1; i++) {
            long t = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            if (i > 0) {
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    public static Result run(DownsamplingMethod method, double width, int phc, int batch, int warmup, int steps,
                             boolean withData) {
        ModelConfig mc = new ModelConfig(method, new double[]{2, 2, 2}, width, org.stridelab.engine.spectral.DiffStride.Options.defaults(), phc, 10, 1);
        // Sites timed, so the share of the step spent in spectral pooling can be printed.
        TimedSites sites = new TimedSites(org.stridelab.engine.model.SiteFactory.forConfig(mc));
        ResNet18 model = new ResNet18(mc, sites, org.stridelab.engine.model.ConvFactory.forConfig(mc));
        LearningRateSchedule lr = new LearningRateSchedule(ScheduleKind.CONSTANT, 0.01, 1, 1, 1, 1);
        Optimizer opt = new Optimizer(OptimizerKind.SGD, lr, 0.9, 5e-4, model.parameters());
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        LabeledImages images = withData ? benchImages(batch * (warmup + steps + 1)) : null;
        float[] pixels = new float[batch * 3 * 32 * 32];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        float[] targets = new float[batch * 10];
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 10;
            targets[i * 10 + labels[i]] = 1;
        }
        Batch fixed = new Batch(pixels, targets, labels, batch);
        double[] millis = new double[steps];
        double[] pooling = new double[steps];
        long rssAfterWarmup = -1;
        try (BatchLoader loader = withData ? new BatchLoader(images, batch, true, 0, 1, 0, 0, 3) : null) {
            for (int i = 0; i < warmup + steps; i++) {
                long t = System.nanoTime();
                sites.reset();
                Batch b = loader != null ? loader.next() : fixed;
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                        .getAndActivateWorkspace(Workspaces.STEP, Workspaces.STEP_ID)) {
                    INDArray logits = model.forward(Batches.images(b), true);
                    loss.forward(logits, Batches.targets(b));
                    model.backward(loss.backward());
                    opt.step(i, 0);
                    model.clearCache();
                }
                if (i == warmup - 1 || (warmup == 0 && i == 0)) {
                    rssAfterWarmup = residentMegabytes();
                }
                if (i >= warmup) {
                    millis[i - warmup] = (System.nanoTime() - t) / 1e6;
                    pooling[i - warmup] = sites.nanos() / 1e6;
                }
            }
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double[] sortedPooling = pooling.clone();
        Arrays.sort(sortedPooling);
        // A training step costs about three forward passes (forward, gradient w.r.t.
        // inputs, gradient w.r.t. weights); a multiply-add is two flops.
        double gflopPerImage = 3 * 2.0 * model.multiplyAdds(32, 32) / 1e9;
        double ips = batch / (median / 1000);
        return new Result(method, width, batch, withData, median, sorted[0], ips, gflopPerImage, gflopPerImage * ips,
                residentMegabytes(), residentMegabytes() - rssAfterWarmup, sortedPooling[steps / 2], millis);
    }

    private static LabeledImages benchImages(int count) {
        try {
            Path dir = Files.createTempDirectory("stridelab-bench");
            GeneratedDataset.ensure(dir, Math.max(count, 1000), 100, 1);
            return CifarBinaryReader.read(dir).train();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Resident set size of this process in MB (Linux), or -1. */
    public static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
