package org.stridelab.engine.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a report needs from a run folder's CSV logs. Lenient on
 * purpose: a log of a run that is still going (or was copied mid-write) may
 * end in a half row, which is skipped.
 */
final class RunFiles {
    private RunFiles() {
    }

    /** Epochs logged and their mean duration (epoch_seconds of epochs.csv), from any run, finished or not. */
    record EpochTimes(int epochs, double meanSeconds) {
    }

    static EpochTimes epochTimes(Path epochsCsv) throws IOException {
        if (!Files.isRegularFile(epochsCsv)) {
            return new EpochTimes(0, Double.NaN);
        }
        List<String> lines = Files.readAllLines(epochsCsv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new EpochTimes(0, Double.NaN);
        }
        int column = List.of(lines.get(0).split(",")).indexOf("epoch_seconds");
        int n = 0;
        double sum = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (column < 0 || f.length <= column) {
                continue;
            }
            try {
                sum += Double.parseDouble(f[column]);
                n++;
            } catch (NumberFormatException e) {
                // a half-written row
            }
        }
        return new EpochTimes(n, n == 0 ? Double.NaN : sum / n);
    }

    /**
     * The strides of each spectral layer at the last step strides.csv holds,
     * as [Sh, Sw] (empty for strided convolutions, which log none). Streams the
     * file: a long run logs one row per step and layer.
     */
    static Map<String, double[]> lastStrides(Path stridesCsv) throws IOException {
        Map<String, double[]> last = new LinkedHashMap<>();
        if (!Files.isRegularFile(stridesCsv)) {
            return last;
        }
        try (BufferedReader in = Files.newBufferedReader(stridesCsv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return last;
            }
            List<String> h = List.of(header.split(","));
            int step = h.indexOf("step");
            int layer = h.indexOf("layer");
            int sh = h.indexOf("stride_h");
            int sw = h.indexOf("stride_w");
            if (step < 0 || layer < 0 || sh < 0 || sw < 0) {
                return last;
            }
            int needed = Math.max(Math.max(step, layer), Math.max(sh, sw));
            long lastStep = Long.MIN_VALUE;
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(",");
                if (f.length <= needed) {
                    continue;
                }
                try {
                    long s = Long.parseLong(f[step]);
                    double[] v = {Double.parseDouble(f[sh]), Double.parseDouble(f[sw])};
                    if (s > lastStep) {
                        last.clear();
                        lastStep = s;
                    }
                    if (s == lastStep) {
                        last.put(f[layer], v);
                    }
                } catch (NumberFormatException e) {
                    // a half-written row
                }
            }
        }
        return last;
    }
}
