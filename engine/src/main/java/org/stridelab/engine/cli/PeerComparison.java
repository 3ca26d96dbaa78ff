package org.stridelab.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.StepBenchmark;

/**
 * {@code bench --compare}: the lab and its peers ({@link BenchPeer}) timed
 * alternately, lab then each peer, for several pairs, because these machines
 * drift by 10-30 % within minutes and only back-to-back runs compare. Prints
 * each pair's ratio (peer step time / lab step time: above 1, the lab is
 * faster) and, per peer, the median and range of the ratios.
 *
 * @param peersDir the folder holding the peers' scripts
 * @param pairs    pairs per method and width
 * @param steps    timed steps per run, on both sides
 * @param warmup   the lab's untimed steps first
 * @param batch    batch size, on both sides
 * @param phc      the lab's PHC order (0 = ordinary convolutions)
 */
record PeerComparison(Path peersDir, int pairs, int steps, int warmup, int batch, int phc) {
    /** A peer that installs its framework on first use (apt, Maven) may take this long. */
    private static final long PEER_TIMEOUT_SECONDS = 1800;

    /** @return 0, or {@link StrideLabCommand#RUN_FAILED} when no peer is present or one fails */
    int run(List<DownsamplingMethod> methods, List<Double> widths, PrintStream out) throws Exception {
        List<BenchPeer> present = new ArrayList<>();
        for (BenchPeer peer : BenchPeer.in(peersDir)) {
            if (peer.present()) {
                present.add(peer);
            } else {
                out.println("peer " + peer.name() + ": not found (no " + peer.script().toAbsolutePath().normalize()
                        + "); comparing without it");
            }
        }
        if (present.isEmpty()) {
            out.println("no peer program found in " + peersDir.toAbsolutePath().normalize() + ": give the folder "
                    + "holding pytorch-python/run.sh and pytorch-resnet18/run.sh with --peers DIR");
            return StrideLabCommand.RUN_FAILED;
        }
        for (DownsamplingMethod method : methods) {
            for (double width : widths) {
                compare(method, width, present.stream().filter(p -> p.trains(method)).toList(), out);
            }
        }
        return 0;
    }

    private void compare(DownsamplingMethod method, double width, List<BenchPeer> peers, PrintStream out)
            throws Exception {
        if (peers.isEmpty()) {
            out.printf(Locale.ROOT, "%s width %s: no peer trains this method%n", method.cliName(), width);
            return;
        }
        Map<BenchPeer, List<Double>> ratios = new LinkedHashMap<>();
        for (int pair = 1; pair <= pairs; pair++) {
            double lab = StepBenchmark.run(method, width, phc, batch, warmup, steps, false).medianMillis();
            for (BenchPeer peer : peers) {
                double theirs = peer.medianMillis(method, width, steps, batch, PEER_TIMEOUT_SECONDS);
                ratios.computeIfAbsent(peer, k -> new ArrayList<>()).add(theirs / lab);
                out.printf(Locale.ROOT, "%s width %s batch %d, pair %d: StrideLab %.0f ms, %s %.0f ms -> ratio %.2f%n",
                        method.cliName(), width, batch, pair, lab, peer.name(), theirs, theirs / lab);
            }
        }
        ratios.forEach((peer, r) -> {
            List<Double> sorted = r.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            out.printf(Locale.ROOT, "%s width %s vs %s: median ratio %.2f (range %.2f-%.2f over %d pairs; above 1 = "
                            + "StrideLab faster)%n", method.cliName(), width, peer.name(), median,
                    sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        });
    }
}
