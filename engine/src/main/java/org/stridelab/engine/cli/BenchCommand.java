package org.stridelab.engine.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.StepBenchmark;
import org.stridelab.engine.train.StepBenchmark.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stridelab bench}: images per second of ResNet-18 training steps, the
 * GFLOP/s they achieve and, in the same process, the GFLOP/s of a plain GEMM
 * (the ceiling any convolution network can reach on this machine).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time ResNet-18 training steps (fixed batch and with the data pipeline) and a plain GEMM.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--widths", split = ",", description = "width multipliers (default: ${DEFAULT-VALUE})",
            defaultValue = "1.0,0.25")
    List<Double> widths;
    @Option(names = "--methods", split = ",", description = "strided, spectral, diffstride (default: ${DEFAULT-VALUE})",
            defaultValue = "strided")
    List<String> methods;
    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})", defaultValue = "128")
    int batch;
    @Option(names = "--steps", description = "timed steps per case (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int steps;
    @Option(names = "--warmup", description = "untimed steps first (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int warmup;
    @Option(names = "--with-data", description = "also time steps fed by the prefetching loader (generated data)")
    boolean withData;
    // --compare: the lab against the peer programs beside the project (PeerComparison), alternating.
    @Option(names = "--compare", description = "run the lab and the peers alternately; print each pair's ratio "
            + "(peer step time / lab step time) and the median") boolean compare;
    @Option(names = "--pairs", defaultValue = "3", description = "with --compare: pairs per case (default: 3)") int pairs;
    @Option(names = "--peers", defaultValue = "../shared/bench",
            description = "with --compare: the folder of pytorch-python/ and pytorch-resnet18/ (default: ${DEFAULT-VALUE})")
    Path peers;
    @Option(names = "--phc", description = "PHC order n for the convolutions, 0 = off (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int phc;

    @Override
    public Integer call() throws Exception {
        if (compare) {
            return new PeerComparison(peers, pairs, steps, warmup, batch, phc).run(methods.stream()
                    .map(DownsamplingMethod::parse).toList(), widths, System.out);
        }
        double gemm = StepBenchmark.gemmGflops(2048, 5);
        System.out.printf(Locale.ROOT, "plain GEMM (2048^3, Nd4j.gemm): %.0f GFLOP/s%n", gemm);
        if (phc >= 2) {
            System.out.printf(Locale.ROOT, "convolutions: PHC n=%d (weights assembled from A and F every step)%n", phc);
        }
        for (String m : methods) {
            DownsamplingMethod method = DownsamplingMethod.parse(m);
            for (double width : widths) {
                Result fixed = StepBenchmark.run(method, width, phc, batch, warmup, steps, false);
                print(fixed, gemm);
                if (withData) {
                    Result fed = StepBenchmark.run(method, width, phc, batch, warmup, steps, true);
                    print(fed, gemm);
                    System.out.printf(Locale.ROOT, "  data pipeline overhead: %+.1f %% per step%n",
                            100 * (fed.medianMillis() / fixed.medianMillis() - 1));
                }
            }
        }
        return 0;
    }

    private static void print(Result r, double gemm) {
        System.out.printf(Locale.ROOT,
                "%-10s width %-5s batch %d %-10s: step median %.1f ms (min %.1f) -> %.1f img/s, %.1f GFLOP/s "
                        + "(%.0f %% of GEMM), %.2f GFLOP/img, RSS %d MB (%+d MB since warm-up)%n",
                r.method().cliName(), r.width(), r.batch(), r.withData() ? "with data" : "fixed", r.medianMillis(),
                r.minMillis(), r.imagesPerSecond(), r.gflops(), 100 * r.gflops() / gemm, r.gflopPerImage(),
                r.residentMegabytes(), r.residentGrowthMegabytes());
        if (r.poolingMillis() > 0) {
            System.out.printf(Locale.ROOT, "  spectral pooling (forward + backward, all sites): %.1f ms of the step "
                    + "(%.1f %%)%n", r.poolingMillis(), 100 * r.poolingMillis() / r.medianMillis());
        }
        if (r.stepMillis().length > 0 && r.stepMillis().length <= 20) {
            System.out.println("  steps (ms): " + Arrays.toString(Arrays.stream(r.stepMillis())
                    .mapToLong(Math::round).toArray()));
        }
    }
}
