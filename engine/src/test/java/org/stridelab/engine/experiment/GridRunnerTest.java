package org.stridelab.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.Checkpoint;
import org.stridelab.engine.train.TestData;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingListener;

/** Runs, stops and resumes a grid of two tiny cells (width 0.125, 64 images, 2 steps each). */
class GridRunnerTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void makeData() throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        TestData.generated(data, 128, 100);
    }

    static GridSpec tiny(String... methods) {
        return GridSpec.defaults().toBuilder().name("tiny").methods(List.of(methods))
                .strideInits(List.of(List.of(2.0, 2.0, 2.0), List.of(3.0, 2.0, 3.0))).batchSizes(List.of(32))
                .set("width", 0.125).set("epochs", 1).set("trainLimit", 64).set("data", data.toString())
                .set("checkpointEverySteps", 1).probe(new ProbeSettings(ShiftMode.CIRCULAR, 1, 32)).build();
    }

    /** Records what the runner reports, and stops the grid at a chosen step of a chosen cell. */
    static final class Log implements GridListener {
        final List<String> events = new ArrayList<>();
        final TrainerControl control;
        final String stopCell;
        final long stopStep;

        Log(TrainerControl control, String stopCell, long stopStep) {
            this.control = control;
            this.stopCell = stopCell;
            this.stopStep = stopStep;
        }

        @Override
        public void cellStarting(GridCell cell, int index, int count, RunConfig config, long resumeStep) {
            events.add("start " + cell.name() + " " + resumeStep);
        }

        @Override
        public List<TrainingListener> trainingListeners(GridCell cell, RunConfig config) {
            return List.of(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    if (cell.name().equals(stopCell) && e.globalStep() == stopStep) {
                        control.stop();
                    }
                }
            });
        }

        @Override
        public void cellSkipped(GridCell cell, int index, int count, String reason) {
            events.add("skip " + cell.name() + " " + reason);
        }

        @Override
        public void cellFinished(GridCell cell, RunSummary summary, ShiftConsistencyResult shift) {
            events.add("finish " + cell.name());
        }

        @Override
        public void cellStopped(GridCell cell) {
            events.add("stop " + cell.name());
        }

        @Override
        public void cellFailed(GridCell cell, String message) {
            events.add("fail " + cell.name() + " " + message);
        }
    }

    @Test
    void anInterruptedGridResumesWithoutRerunningFinishedCells(@TempDir Path out) throws Exception {
        GridSpec spec = tiny("strided");
        GridFolder grid = GridFolder.prepare(out.resolve("grid"), spec);
        List<GridCell> cells = spec.cells();
        GridCell first = cells.get(0);
        GridCell second = cells.get(1);

        // First attempt: the second cell is stopped after its first step (as Ctrl-C would).
        TrainerControl control = new TrainerControl();
        Log log = new Log(control, second.name(), 1);
        GridRunner.Outcome stopped = new GridRunner(grid, spec, new DatasetCache((d, t) -> { }, false), control, log)
                .run(cells);
        assertEquals(new GridRunner.Outcome(1, 0, 0, 0, 1, true), stopped);
        assertEquals(List.of("start " + first.name() + " -1", "finish " + first.name(),
                "start " + second.name() + " -1", "stop " + second.name()), log.events);
        assertEquals(CellStatus.FINISHED, grid.status(first));
        assertEquals(CellStatus.RUNNING, grid.status(second));
        assertEquals(1, Checkpoint.readState(grid.cellFolder(second).checkpoint()).globalStep());
        assertTrue(Files.isRegularFile(grid.shiftFile(first)));

        Path summary = grid.cellFolder(first).summary();
        byte[] summaryBytes = Files.readAllBytes(summary);
        FileTime summaryTime = Files.getLastModifiedTime(summary);

        // Second attempt: the finished cell is left alone, the stopped one continues from step 1.
        TrainerControl again = new TrainerControl();
        Log log2 = new Log(again, "", -1);
        GridRunner.Outcome resumed = new GridRunner(grid, spec, new DatasetCache((d, t) -> { }, false), again, log2)
                .run(cells);
        assertEquals(new GridRunner.Outcome(1, 1, 0, 0, 0, false), resumed);
        assertEquals(List.of("skip " + first.name() + " finished earlier", "start " + second.name() + " 1",
                "finish " + second.name()), log2.events);
        assertArrayEquals(summaryBytes, Files.readAllBytes(summary), "finished cell's summary.json rewritten");
        assertEquals(summaryTime, Files.getLastModifiedTime(summary), "finished cell's summary.json touched");
        assertEquals(CellStatus.FINISHED, grid.status(second));
        List<String> steps = Files.readAllLines(grid.cellFolder(second).metrics()).stream().skip(1)
                .map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("1", "2"), steps, "each step logged once across the two attempts");

        // A cell killed between summary.json and its probe gets the probe on the next run, nothing else.
        Files.delete(grid.shiftFile(first));
        Log log3 = new Log(new TrainerControl(), "", -1);
        new GridRunner(grid, spec, new DatasetCache((d, t) -> { }, false), null, log3).run(cells);
        assertEquals(List.of("skip " + first.name() + " finished earlier; its missing shift probe is now done",
                "skip " + second.name() + " finished earlier"), log3.events);
        assertEquals(summaryTime, Files.getLastModifiedTime(summary));
        ShiftConsistencyResult shift = Json.read(grid.shiftFile(first), ShiftConsistencyResult.class);
        assertEquals(32, shift.images());
        assertTrue(shift.mean() >= 0 && shift.mean() <= 1, "consistency out of [0, 1]: " + shift.mean());

        // The table reads all of it back.
        GridResults results = GridResults.load(grid.path());
        for (CellResult r : results.cells()) {
            assertNotNull(r.summary());
            assertEquals(r.summary().testAccuracy(), r.testAccuracy());
            assertFalse(Double.isNaN(r.secondsPerEpoch()));
        }
    }

    @Test
    void aCellThatCannotRunIsRecordedAndTheGridGoesOn(@TempDir Path out) throws Exception {
        // Batch 512 with all 128 training images (no train limit, so the configuration itself is
        // valid): the trainer refuses it when it sees the data, before building a network.
        GridSpec spec = tiny("strided").toBuilder().batchSizes(List.of(512)).set("trainLimit", 0).build();
        GridFolder grid = GridFolder.prepare(out.resolve("grid"), spec);
        Log log = new Log(new TrainerControl(), "", -1);
        GridRunner.Outcome outcome = new GridRunner(grid, spec, new DatasetCache((d, t) -> { }, false), null, log)
                .run(spec.cells());
        assertEquals(new GridRunner.Outcome(0, 0, 2, 0, 0, false), outcome, "both cells tried, both failed");
        for (GridCell c : spec.cells()) {
            assertEquals(CellStatus.FAILED, grid.status(c));
            assertTrue(Files.readString(grid.failureFile(c)).contains("512"), Files.readString(grid.failureFile(c)));
        }
        String md = Files.readString(GridReport.write(grid.path()).files().stream()
                .filter(p -> p.endsWith(GridReport.MARKDOWN)).findFirst().orElseThrow());
        assertTrue(md.contains("| (2, 2, 2) | failed | failed |"), md);
    }
}
