package org.stridelab.app.compare;

import org.stridelab.engine.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.experiment.GridSpec;
import org.stridelab.engine.experiment.ProbeSettings;
import org.stridelab.engine.experiment.ShiftConsistencyResult;
import org.stridelab.engine.experiment.ShiftMode;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.RunSummary;

/**
 * Grid and run folders written by hand, file by file, the way the engine
 * writes them (RunFolder, RunFolderWriter's CSV headers, RunSummary and the
 * shift probe's JSON), as the engine's own GridReportTest fakes cells: no
 * training needed to test what the Compare tab reads.
 */
final class FakeExperiments {
    static final int STEPS = 8;
    static final int EPOCHS = 2;

    final GridSpec spec = GridSpec.defaults().toBuilder().name("fake-grid")
            .methods(List.of("strided", "diffstride"))
            .strideInits(List.of(List.of(2.0, 2.0, 2.0), List.of(3.0, 2.0, 3.0)))
            .seeds(List.of(1L, 2L)).probe(new ProbeSettings(ShiftMode.CIRCULAR, 2, 10)).build();

    GridFolder grid(Path path) throws IOException {
        return GridFolder.prepare(path, spec);
    }

    GridCell cell(DownsamplingMethod m, double[] strides, long seed) {
        return new GridCell(m, strides, spec.batchSizes().get(0), 0, 0, seed);
    }

    /** A cell that trained and was probed: logs, summary, shift consistency. */
    RunFolder finished(GridFolder grid, GridCell cell, double accuracy, double shift) throws IOException {
        RunFolder f = started(grid, cell);
        finish(grid, cell, accuracy, shift);
        return f;
    }

    /** A cell still training: its configuration and the logs so far, no summary. */
    RunFolder started(GridFolder grid, GridCell cell) throws IOException {
        RunFolder f = RunFolder.create(grid.cellFolder(cell).path(), spec.configFor(cell));
        logs(f, cell.method());
        return f;
    }

    /** The cell's run ends: summary and shift probe appear (as when a grid fills up from the command line). */
    void finish(GridFolder grid, GridCell cell, double accuracy, double shift) throws IOException {
        RunFolder f = grid.cellFolder(cell);
        Map<String, double[]> strides = cell.method() == DownsamplingMethod.DIFFSTRIDE
                ? Map.of("stage2", new double[] {2.5, 2.4}) : Map.of();
        Json.writeAtomically(f.summary(), new RunSummary(cell.name(), cell.method().cliName(), cell.strides(), EPOCHS,
                STEPS, accuracy, EPOCHS - 1, accuracy, 0.5, 1000, 2_000_000, 3, strides, "fake data",
                "completed 2 epochs", List.of(0.5, accuracy)));
        Json.writeAtomically(grid.shiftFile(cell), new ShiftConsistencyResult(ShiftMode.CIRCULAR, 10, List.of(1, 2),
                List.of(shift, shift), shift, accuracy));
    }

    /** A single run (not in a grid) with its logs. */
    RunFolder run(Path path) throws IOException {
        RunConfig config = RunConfig.defaults().toBuilder().set(Settings.NAME, path.getFileName().toString())
                .set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE).build();
        RunFolder f = RunFolder.create(path, config);
        logs(f, DownsamplingMethod.DIFFSTRIDE);
        return f;
    }

    private static void logs(RunFolder f, DownsamplingMethod method) throws IOException {
        StringBuilder metrics = new StringBuilder(RunFolderWriter.METRICS_HEADER).append('\n');
        StringBuilder strides = new StringBuilder(RunFolderWriter.STRIDES_HEADER).append('\n');
        for (int step = 1; step <= STEPS; step++) {
            int epoch = (step - 1) / (STEPS / EPOCHS);
            metrics.append(String.format(Locale.ROOT, "%d,%d,%d,%.4f,0.1,500,%.1f%n", step, epoch,
                    (step - 1) % (STEPS / EPOCHS), 2.3 / Math.sqrt(step), 0.5 * step));
            if (method == DownsamplingMethod.DIFFSTRIDE) {
                double s = 2 + 0.05 * step;
                strides.append(String.format(Locale.ROOT, "%d,stage2,%.3f,%.3f,32,32,16,16,5000000%n", step, s, s));
                strides.append(String.format(Locale.ROOT, "%d,stage3,2.000,2.000,16,16,8,8,5000000%n", step));
            }
        }
        Files.writeString(f.metrics(), metrics);
        Files.writeString(f.epochs(), RunFolderWriter.EPOCHS_HEADER + "\n4,0,2.0,0.3,2.1,0.35,2.0\n"
                + "8,1,1.5,0.5,1.7,0.55,4.0\n");
        if (method == DownsamplingMethod.DIFFSTRIDE) {
            Files.writeString(f.strides(), strides);
        }
    }
}
