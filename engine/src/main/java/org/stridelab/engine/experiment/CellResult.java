package org.stridelab.engine.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.train.events.RunSummary;

/**
 * What one cell's folder says, read only from its files: configuration,
 * summary, shift probe, epochs logged, time per epoch, latest strides.
 * Anything missing is null or NaN; a broken file makes the cell "failed"
 * with the reason rather than breaking the whole report.
 *
 * @param cell            the grid coordinates
 * @param folder          the cell's run folder
 * @param status          finished, running, failed or not started
 * @param config          config.json, null if absent
 * @param summary         summary.json, null until finished
 * @param shift           shift-consistency.json, null if not probed
 * @param epochsLogged    rows in epochs.csv
 * @param secondsPerEpoch mean epoch time in epochs.csv (validation included), NaN if none
 * @param strides         per spectral layer, [Sh, Sw]: the final strides of a finished cell, else the latest logged
 * @param message         why it failed, or which of its logs are damaged, or null
 */
public record CellResult(GridCell cell, Path folder, CellStatus status, RunConfig config, RunSummary summary,
                         ShiftConsistencyResult shift, int epochsLogged, double secondsPerEpoch,
                         Map<String, double[]> strides, String message) {

    /** Test accuracy (0..1) or NaN. */
    public double testAccuracy() {
        return summary == null ? Double.NaN : summary.testAccuracy();
    }

    /** Mean shift consistency (0..1) or NaN. */
    public double shiftConsistency() {
        return shift == null ? Double.NaN : shift.mean();
    }

    public static CellResult read(GridFolder grid, GridCell cell) {
        RunFolder f = grid.cellFolder(cell);
        CellStatus status = grid.status(cell);
        if (status == CellStatus.NOT_STARTED) {
            return new CellResult(cell, f.path(), status, null, null, null, 0, Double.NaN, Map.of(), null);
        }
        try {
            RunConfig config = Json.read(f.config(), RunConfig.class);
            RunSummary summary = status == CellStatus.FINISHED ? Json.read(f.summary(), RunSummary.class) : null;
            Path shiftFile = grid.shiftFile(cell);
            ShiftConsistencyResult shift = Files.isRegularFile(shiftFile)
                    ? Json.read(shiftFile, ShiftConsistencyResult.class) : null;
            RunFiles logs = RunFiles.read(f);
            Map<String, double[]> strides = summary != null && summary.finalStrides() != null
                    ? summary.finalStrides() : logs.lastStrides();
            String message = status == CellStatus.FAILED
                    ? Files.readString(grid.failureFile(cell), StandardCharsets.UTF_8).strip() : null;
            if (!logs.problems().isEmpty()) {
                String damage = String.join("; ", logs.problems());
                message = message == null ? damage : message + "; " + damage;
            }
            return new CellResult(cell, f.path(), status, config, summary, shift, logs.epochsLogged(),
                    logs.meanEpochSeconds(), strides, message);
        } catch (IOException | RuntimeException e) {
            return new CellResult(cell, f.path(), CellStatus.FAILED, null, null, null, 0, Double.NaN, Map.of(),
                    "unreadable: " + e.getMessage());
        }
    }
}
