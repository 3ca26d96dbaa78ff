package org.stridelab.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * The comparison table in data: rows are stride initialisations, columns are
 * methods, each entry aggregates the seeds of that (method, init). A grid
 * with several batch sizes, mixup alphas or PHC orders gets one section per
 * combination. Plain data, for report writers and the app's Compare view.
 */
public record GridTable(List<DownsamplingMethod> methods, List<Section> sections) {

    public GridTable {
        methods = List.copyOf(methods);
        sections = List.copyOf(sections);
    }

    /** One table: every stride initialisation for one batch/mixup/PHC combination. */
    public record Section(GridCell.Variant variant, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** One stride initialisation; entries in {@link #methods()} order. */
    public record Row(double[] strides, List<Entry> entries) {
        public Row {
            strides = strides.clone();
            entries = List.copyOf(entries);
        }

        /** e.g. "(3, 2, 3)". */
        public String label() {
            return GridCell.strideLabel(strides);
        }

        @Override
        public double[] strides() {
            return strides.clone();
        }
    }

    /**
     * One method at one stride initialisation, over its seeds.
     *
     * @param runs            every seed's cell, finished or not
     * @param accuracy        test accuracy (0..1) over the finished seeds
     * @param shift           mean shift consistency (0..1) over the probed seeds
     * @param parameters      mean parameter count of the finished seeds, or -1
     * @param multiplyAdds    mean multiply-adds per image at the final strides, or -1
     * @param secondsPerEpoch mean epoch time over all seeds' logged epochs, NaN if none
     * @param strides         per spectral layer, mean final [Sh, Sw] over the finished seeds (the latest logged
     *                        strides of running ones if none has finished)
     */
    public record Entry(DownsamplingMethod method, List<CellResult> runs, Spread accuracy, Spread shift,
                        long parameters, long multiplyAdds, double secondsPerEpoch, Map<String, double[]> strides) {

        public long finished() {
            return runs.stream().filter(r -> r.status() == CellStatus.FINISHED).count();
        }

        /**
         * The accuracy as a table shows it: "92.4", "92.4 ± 0.3", "92.4 (1/3)"
         * while repeats are missing, else "running", "failed" or "—".
         */
        public String accuracyText() {
            if (accuracy.n() > 0) {
                String text = accuracy.format(100, 1);
                return finished() < runs.size() ? text + " (" + finished() + "/" + runs.size() + ")" : text;
            }
            return pendingText();
        }

        public String shiftText() {
            return shift.n() > 0 ? shift.format(1, 3) : pendingText();
        }

        /** What stands in for a missing result: the most advanced state of its runs. */
        public String pendingText() {
            for (CellStatus s : new CellStatus[]{CellStatus.RUNNING, CellStatus.FAILED, CellStatus.FINISHED}) {
                if (runs.stream().anyMatch(r -> r.status() == s)) {
                    return s == CellStatus.FINISHED ? "—" : s.text();
                }
            }
            return CellStatus.NOT_STARTED.text();
        }
    }

    public static GridTable of(GridSpec spec, List<CellResult> cells) {
        List<DownsamplingMethod> methods = spec.methods().stream().map(DownsamplingMethod::parse).toList();
        List<Section> sections = new ArrayList<>();
        for (GridCell.Variant variant : spec.variants()) {
            List<Row> rows = new ArrayList<>();
            for (double[] strides : spec.strideArrays()) {
                List<Entry> entries = new ArrayList<>();
                for (DownsamplingMethod m : methods) {
                    List<CellResult> runs = cells.stream().filter(c -> c.cell().method() == m
                            && Arrays.equals(c.cell().strides(), strides)
                            && c.cell().variant().equals(variant)).toList();
                    entries.add(entry(m, runs));
                }
                rows.add(new Row(strides, entries));
            }
            sections.add(new Section(variant, rows));
        }
        return new GridTable(methods, sections);
    }

    private static Entry entry(DownsamplingMethod method, List<CellResult> runs) {
        List<CellResult> done = runs.stream().filter(r -> r.summary() != null).toList();
        Spread accuracy = Spread.of(done.stream().mapToDouble(CellResult::testAccuracy).toArray());
        Spread shift = Spread.of(runs.stream().mapToDouble(CellResult::shiftConsistency).toArray());
        long params = done.isEmpty() ? -1 : Math.round(done.stream()
                .mapToLong(r -> r.summary().parameters()).average().orElse(-1));
        long macs = done.isEmpty() ? -1 : Math.round(done.stream()
                .mapToLong(r -> r.summary().multiplyAddsPerImage()).average().orElse(-1));
        double seconds = Spread.of(runs.stream().mapToDouble(CellResult::secondsPerEpoch).toArray()).mean();
        List<CellResult> strideSources = done.isEmpty() ? runs : done;
        return new Entry(method, runs, accuracy, shift, params, macs, seconds, meanStrides(strideSources));
    }

    /** Per layer, the mean [Sh, Sw] over the runs that logged that layer. */
    private static Map<String, double[]> meanStrides(List<CellResult> runs) {
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (CellResult r : runs) {
            r.strides().forEach((layer, s) -> {
                double[] acc = sum.computeIfAbsent(layer, k -> new double[2]);
                acc[0] += s[0];
                acc[1] += s[1];
                count.merge(layer, 1, Integer::sum);
            });
        }
        Map<String, double[]> mean = new LinkedHashMap<>();
        sum.forEach((layer, s) -> mean.put(layer, new double[]{s[0] / count.get(layer), s[1] / count.get(layer)}));
        return mean;
    }
}
