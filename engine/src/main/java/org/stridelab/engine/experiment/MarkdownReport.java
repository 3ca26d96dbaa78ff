package org.stridelab.engine.experiment;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * report.md: the comparison table as the paper prints it (stride
 * initialisations x methods, test accuracy), with the shift consistency
 * beside each accuracy, then cost and learned strides, the published
 * numbers, and one line per run.
 */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(GridResults results, List<String> charts) {
        GridSpec spec = results.spec();
        GridTable table = results.table();
        StringBuilder b = new StringBuilder();
        b.append("# Grid report: ").append(ReportFormat.md(spec.name())).append("\n\n");
        if (spec.description() != null && !spec.description().isBlank()) {
            b.append(spec.description().strip()).append("\n\n");
        }
        b.append("Data: ").append(ReportFormat.md(dataDescription(results))).append(".  \n");
        b.append(String.format(Locale.ROOT, "Cells: %d of %d finished, %d running, %d failed, %d not started.%n%n",
                results.count(CellStatus.FINISHED), results.cells().size(), results.count(CellStatus.RUNNING),
                results.count(CellStatus.FAILED), results.count(CellStatus.NOT_STARTED)));

        for (GridTable.Section section : table.sections()) {
            accuracyTable(b, table, section, multiple(table));
        }
        b.append("Accuracy: test accuracy in % of the weights with the best validation accuracy; with several "
                + "seeds, mean ± sample standard deviation, and (n/N) while only n of N seeds have finished. "
                + "Shift: the fraction of probed test images whose predicted class stays the same when the image "
                + "is shifted ").append(shiftWords(spec.probe())).append(". \"running\": started, not finished "
                + "(here, on another machine, or stopped); \"—\": not started.\n\n");

        for (GridTable.Section section : table.sections()) {
            costTable(b, table, section, multiple(table));
        }
        published(b, table);
        runs(b, results);
        if (!charts.isEmpty()) {
            b.append("## Charts\n\n");
            for (String chart : charts) {
                b.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        return b.toString();
    }

    /** Only the accuracy tables (for printing on a terminal). */
    static String accuracyTables(GridResults results) {
        GridTable table = results.table();
        StringBuilder b = new StringBuilder();
        for (GridTable.Section section : table.sections()) {
            accuracyTable(b, table, section, multiple(table));
        }
        return b.toString();
    }

    private static boolean multiple(GridTable table) {
        return table.sections().size() > 1;
    }

    private static void accuracyTable(StringBuilder b, GridTable table, GridTable.Section section, boolean title) {
        b.append("## Test accuracy (%) and shift consistency").append(title ? " — " + section.variant().label() : "")
                .append("\n\n| stride init |");
        for (DownsamplingMethod m : table.methods()) {
            b.append(' ').append(m.cliName()).append(" | shift |");
        }
        b.append("\n|---|").append("---:|---:|".repeat(table.methods().size())).append('\n');
        for (GridTable.Row row : section.rows()) {
            b.append("| ").append(row.label()).append(" |");
            for (GridTable.Entry e : row.entries()) {
                b.append(' ').append(ReportFormat.md(e.accuracyText())).append(" | ")
                        .append(ReportFormat.md(e.shiftText())).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static void costTable(StringBuilder b, GridTable table, GridTable.Section section, boolean title) {
        b.append("## Cost and learned strides").append(title ? " — " + section.variant().label() : "")
                .append("\n\n| stride init | method | parameters | multiply-adds / image | s / epoch | "
                        + "final strides (Sh x Sw per spectral layer) |\n|---|---|---:|---:|---:|---|\n");
        for (GridTable.Row row : section.rows()) {
            for (GridTable.Entry e : row.entries()) {
                b.append("| ").append(row.label()).append(" | ").append(e.method().cliName()).append(" | ")
                        .append(ReportFormat.dash(ReportFormat.millions(e.parameters()))).append(" | ")
                        .append(ReportFormat.dash(ReportFormat.millions(e.multiplyAdds()))).append(" | ")
                        .append(ReportFormat.dash(ReportFormat.seconds(e.secondsPerEpoch()))).append(" | ")
                        .append(ReportFormat.dash(ReportFormat.md(ReportFormat.strides(e.strides()))))
                        .append(" |\n");
            }
        }
        b.append("\nMultiply-adds at the final strides (a learned stride changes the cost); s / epoch includes the "
                + "validation pass; strided convolutions have no spectral layers, so no strides are logged.\n\n");
    }

    private static void published(StringBuilder b, GridTable table) {
        StringBuilder rows = new StringBuilder();
        List<GridTable.Row> allRows = table.sections().isEmpty() ? List.of() : table.sections().get(0).rows();
        for (GridTable.Row row : allRows) {
            StringBuilder line = new StringBuilder("| " + row.label() + " |");
            boolean any = false;
            for (DownsamplingMethod m : table.methods()) {
                OptionalDouble v = PublishedResults.accuracy(m, row.strides());
                any |= v.isPresent();
                line.append(' ').append(v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "—")
                        .append(" |");
            }
            if (any) {
                rows.append(line).append('\n');
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        b.append("## Published, for reference\n\n").append(PublishedResults.SOURCE)
                .append(". Comparable only to a grid with the paper's protocol on CIFAR-10 (`--preset paper`).\n\n")
                .append("| stride init |");
        table.methods().forEach(m -> b.append(' ').append(m.cliName()).append(" |"));
        b.append("\n|---|").append("---:|".repeat(table.methods().size())).append('\n').append(rows).append('\n');
    }

    private static void runs(StringBuilder b, GridResults results) {
        int[] distances = results.spec().probe().distances();
        b.append("## Runs\n\n| cell | status | epochs | test acc. (%) | best val. acc. (%) | shift");
        for (int d : distances) {
            b.append(" | d=").append(d);
        }
        b.append(" | s / epoch | note |\n|---|---|---:|---:|---:|---:|")
                .append("---:|".repeat(distances.length)).append("---:|---|\n");
        for (CellResult r : results.cells()) {
            b.append("| ").append(r.cell().name()).append(" | ").append(r.status().text()).append(" | ")
                    .append(r.summary() != null ? r.summary().epochsRun() : r.epochsLogged()).append(" | ")
                    .append(ReportFormat.dash(ReportFormat.percent(r.testAccuracy()))).append(" | ")
                    .append(ReportFormat.dash(r.summary() == null ? ""
                            : ReportFormat.percent(r.summary().bestValidationAccuracy()))).append(" | ")
                    .append(ReportFormat.dash(ReportFormat.fraction(r.shiftConsistency())));
            for (int d : distances) {
                String atDistance = r.shift() == null ? "" : ReportFormat.fraction(r.shift().at(d));
                b.append(" | ").append(ReportFormat.dash(atDistance));
            }
            String note = r.message() != null ? r.message() : r.summary() != null ? r.summary().stopReason() : "";
            b.append(" | ").append(ReportFormat.dash(ReportFormat.seconds(r.secondsPerEpoch()))).append(" | ")
                    .append(ReportFormat.md(note)).append(" |\n");
        }
        b.append('\n');
    }

    private static String shiftWords(ProbeSettings probe) {
        if (!probe.enabled()) {
            return "(the probe is off in this grid)";
        }
        return (probe.mode() == ShiftMode.CIRCULAR ? "circularly" : "with black fill") + " by 1 to "
                + probe.maxShift() + " pixels (right, left, down, up; mean over the distances)";
    }

    private static String dataDescription(GridResults results) {
        return results.cells().stream().filter(c -> c.summary() != null && c.summary().dataset() != null)
                .map(c -> c.summary().dataset()).distinct().collect(Collectors.joining("; "))
                .transform(s -> s.isEmpty() ? results.spec().protocol().get(org.stridelab.engine.config.Settings.DATA_SOURCE) : s);
    }
}
