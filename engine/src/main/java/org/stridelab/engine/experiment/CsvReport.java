package org.stridelab.engine.experiment;

import java.util.List;
import java.util.StringJoiner;

/**
 * The same results for spreadsheets and scripts: report.csv has one row per
 * table entry (variant, stride init, method), runs.csv one row per cell.
 * Fractions stay fractions (0..1) and missing values are empty fields, so
 * nothing needs parsing back out of "92.4 ± 0.3".
 */
final class CsvReport {
    static final String TABLE_HEADER = "batch,mixup,phc,stride_init,method,status,runs_finished,runs_total,"
            + "test_accuracy_mean,test_accuracy_sd,shift_consistency_mean,shift_consistency_sd,parameters,"
            + "multiply_adds_per_image,seconds_per_epoch,final_strides";

    private CsvReport() {
    }

    static String table(GridTable table) {
        StringBuilder b = new StringBuilder(TABLE_HEADER).append('\n');
        for (GridTable.Section section : table.sections()) {
            GridCell.Variant v = section.variant();
            for (GridTable.Row row : section.rows()) {
                for (GridTable.Entry e : row.entries()) {
                    line(b, String.valueOf(v.batchSize()), GridCell.number(v.mixupAlpha()), String.valueOf(v.phc()),
                            GridCell.strideKey(row.strides()), e.method().cliName(),
                            e.accuracy().n() > 0 ? "finished" : e.pendingText(), String.valueOf(e.finished()),
                            String.valueOf(e.runs().size()), ReportFormat.fraction(e.accuracy().mean()),
                            ReportFormat.fraction(e.accuracy().sd()), ReportFormat.fraction(e.shift().mean()),
                            ReportFormat.fraction(e.shift().sd()),
                            e.parameters() < 0 ? "" : String.valueOf(e.parameters()),
                            e.multiplyAdds() < 0 ? "" : String.valueOf(e.multiplyAdds()),
                            ReportFormat.seconds(e.secondsPerEpoch()), ReportFormat.strides(e.strides()));
                }
            }
        }
        return b.toString();
    }

    static String runs(GridResults results) {
        int[] distances = results.spec().probe().distances();
        StringJoiner header = new StringJoiner(",");
        List.of("cell", "method", "stride_init", "batch", "mixup", "phc", "seed", "status", "epochs",
                "test_accuracy", "best_validation_accuracy", "best_epoch", "parameters", "multiply_adds_per_image",
                "seconds_per_epoch", "final_strides", "shift_consistency").forEach(header::add);
        for (int d : distances) {
            header.add("shift_consistency_d" + d);
        }
        header.add("dataset").add("note");
        StringBuilder b = new StringBuilder(header.toString()).append('\n');
        for (CellResult r : results.cells()) {
            GridCell c = r.cell();
            var s = r.summary();
            String[] fields = new String[17 + distances.length + 2];
            int i = 0;
            fields[i++] = c.name();
            fields[i++] = c.method().cliName();
            fields[i++] = c.strideKey();
            fields[i++] = String.valueOf(c.batchSize());
            fields[i++] = GridCell.number(c.mixupAlpha());
            fields[i++] = String.valueOf(c.phc());
            fields[i++] = String.valueOf(c.seed());
            fields[i++] = r.status().name().toLowerCase(java.util.Locale.ROOT);
            fields[i++] = String.valueOf(s != null ? s.epochsRun() : r.epochsLogged());
            fields[i++] = ReportFormat.fraction(r.testAccuracy());
            fields[i++] = s == null ? "" : ReportFormat.fraction(s.bestValidationAccuracy());
            fields[i++] = s == null ? "" : String.valueOf(s.bestEpoch());
            fields[i++] = s == null ? "" : String.valueOf(s.parameters());
            fields[i++] = s == null ? "" : String.valueOf(s.multiplyAddsPerImage());
            fields[i++] = ReportFormat.seconds(r.secondsPerEpoch());
            fields[i++] = ReportFormat.strides(r.strides());
            fields[i++] = ReportFormat.fraction(r.shiftConsistency());
            for (int d : distances) {
                fields[i++] = r.shift() == null ? "" : ReportFormat.fraction(r.shift().at(d));
            }
            fields[i++] = s == null ? "" : s.dataset();
            fields[i] = r.message() != null ? r.message() : s != null ? s.stopReason() : "";
            line(b, fields);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String... fields) {
        StringJoiner j = new StringJoiner(",");
        for (String f : fields) {
            j.add(ReportFormat.csv(f));
        }
        b.append(j).append('\n');
    }
}
