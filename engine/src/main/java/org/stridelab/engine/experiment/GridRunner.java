package org.stridelab.engine.experiment;

import java.util.Optional;
import org.stridelab.engine.io.FileLocks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stridelab.engine.data.DatasetException;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.io.AtomicFiles;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.session.RunSession;
import org.stridelab.engine.train.Checkpoint;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * Runs the cells of a grid one after another, each exactly as {@code
 * stridelab train} runs one run (run folder, folder writer, trainer), then
 * probes its shift consistency.
 *
 * <p>Running again continues where the last attempt stopped: a cell with
 * summary.json is not trained again, a cell with a checkpoint continues from
 * it, a cell that died before its first checkpoint starts over with clean
 * logs. A failed cell is recorded (failed.txt) and the grid goes on: one
 * diverging configuration should not cost a night of the others. Missing
 * data stops the whole grid, since every further cell would fail alike.
 */
public final class GridRunner {
    private final GridFolder grid;
    private final GridSpec spec;
    private final Function<String, DatasetSplits> data;
    private final TrainerControl control;
    private final GridListener listener;
    /** The cell training now, for a stop message from another thread. */
    private volatile RunSession current;

    /**
     * @param data    dataset spec to splits, e.g. a {@link DatasetCache}
     * @param control one control for the whole grid: a stop ends the running cell (checkpoint saved) and the grid
     */
    public GridRunner(GridFolder grid, GridSpec spec, Function<String, DatasetSplits> data, TrainerControl control,
            GridListener listener) {
        this.grid = grid;
        this.spec = spec.validated();
        this.data = data;
        this.control = control == null ? new TrainerControl() : control;
        this.listener = listener == null ? new GridListener() { } : listener;
    }

    /** The checkpoint of the cell training now, in words (what a kill would keep of it). */
    public String lastCheckpoint() {
        RunSession s = current;
        return s == null ? "no cell has started" : s.lastCheckpoint();
    }

    /** How a call to {@link #run(List)} went, in cells. */
    public record Outcome(int trained, int alreadyFinished, int failed, int busyElsewhere, int notRun,
                          boolean stopped) {
    }

    private enum CellEnd { FINISHED, STOPPED, FAILED }

    public Outcome run(List<GridCell> cells) throws InterruptedException {
        int trained = 0;
        int already = 0;
        int failed = 0;
        int elsewhere = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (control.isStopRequested()) {
                return new Outcome(trained, already, failed, elsewhere, cells.size() - i, true);
            }
            GridCell cell = cells.get(i);
            RunFolder folder = grid.cellFolder(cell);
            Optional<FileLocks.Held> lock = Optional.empty();
            try {
                lock = FileLocks.tryAcquire(grid.cellLock(cell));
                if (lock.isEmpty()) {
                    elsewhere++; // two shards, or a repeated --cell: one process per cell, the other moves on
                    listener.cellSkipped(cell, i + 1, cells.size(), "being trained by another process (its lock "
                            + grid.cellLock(cell) + " is held)");
                    continue;
                }
                if (folder.isFinished()) {
                    already++;
                    boolean probed = spec.probe().enabled() && !Files.isRegularFile(grid.shiftFile(cell))
                            && probeSavedWeights(cell, folder);
                    listener.cellSkipped(cell, i + 1, cells.size(), "finished earlier"
                            + (probed ? "; its missing shift probe is now done" : ""));
                    continue;
                }
                CellEnd end = train(cell, folder, i + 1, cells.size());
                if (end == CellEnd.FINISHED) {
                    trained++;
                } else if (end == CellEnd.FAILED) {
                    failed++;
                } else {
                    return new Outcome(trained, already, failed, elsewhere, cells.size() - i, true);
                }
            } catch (DatasetException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                failed++;
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                recordFailure(cell, message);
                listener.cellFailed(cell, message);
            } finally {
                release(lock);
            }
        }
        return new Outcome(trained, already, failed, elsewhere, 0, false);
    }

    private static void release(Optional<FileLocks.Held> lock) {
        if (lock.isPresent()) {
            try {
                lock.get().close();
            } catch (IOException ignored) {
                // the process's end releases it anyway
            }
        }
    }

    private CellEnd train(GridCell cell, RunFolder folder, int index, int count)
            throws IOException, InterruptedException {
        RunConfig config = spec.configFor(cell);
        RunSession session = RunSession.openOrCreate(folder.path(), config);
        current = session;
        Files.deleteIfExists(grid.failureFile(cell));
        DatasetSplits splits = data.apply(config.data().source());
        Trainer trainer = session.prepare(splits, control);
        listener.cellStarting(cell, index, count, config, session.resumed() ? trainer.state().globalStep() : -1);
        LastLifecycle lifecycle = new LastLifecycle();
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(lifecycle);
        listeners.addAll(listener.trainingListeners(cell, config));
        RunSummary summary = session.run(listeners);
        if (summary != null) {
            ShiftConsistencyResult shift = probe(cell, trainer.model(), splits);
            listener.cellFinished(cell, summary, shift);
            return CellEnd.FINISHED;
        }
        if (lifecycle.last != null && lifecycle.last.kind() == LifecycleEvent.Kind.FAILED) {
            recordFailure(cell, lifecycle.last.message());
            listener.cellFailed(cell, lifecycle.last.message());
            return CellEnd.FAILED;
        }
        listener.cellStopped(cell);
        return CellEnd.STOPPED;
    }

    /** Probes the trainer's model: after a finished run it holds the best validation weights, as the test did. */
    private ShiftConsistencyResult probe(GridCell cell, ResNet18 model, DatasetSplits splits) throws IOException {
        if (!spec.probe().enabled()) {
            return null;
        }
        ShiftConsistencyResult result = ShiftConsistency.measure(model, splits.test(), spec.probe());
        Json.writeAtomically(grid.shiftFile(cell), result);
        return result;
    }

    /** For a cell finished without its probe (killed in between, or probed by an older version). */
    private boolean probeSavedWeights(GridCell cell, RunFolder folder) throws IOException {
        java.nio.file.Path weights = Files.exists(folder.best()) ? folder.best() : folder.checkpoint();
        if (!Files.exists(weights)) {
            return false;
        }
        RunConfig config = folder.readConfig();
        ResNet18 model = new ResNet18(config.modelConfig());
        Checkpoint.load(weights, model, null);
        probe(cell, model, data.apply(config.data().source()));
        return true;
    }

    private void recordFailure(GridCell cell, String message) {
        try {
            if (Files.isDirectory(grid.cellFolder(cell).path())) {
                AtomicFiles.write(grid.failureFile(cell), (message + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // The listener has the message; the report will show the cell as running instead of failed.
        }
    }

    /** Remembers the last change of state, to tell a failed run from a stopped one (stall warnings are no change). */
    private static final class LastLifecycle implements TrainingListener {
        volatile LifecycleEvent last;

        @Override
        public void onLifecycle(LifecycleEvent event) {
            if (event.kind() != LifecycleEvent.Kind.STALLED && event.kind() != LifecycleEvent.Kind.STALL_ENDED) {
                last = event;
            }
        }
    }
}
