package org.stridelab.engine.experiment;

import java.util.List;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * What a {@link GridRunner} tells its caller, on the running thread, cell by
 * cell ({@code index} counts from 1 within the selected cells).
 */
public interface GridListener {

    /** A cell begins training; {@code resumeStep} is the checkpoint's step, or -1 for a fresh start. */
    default void cellStarting(GridCell cell, int index, int count, RunConfig config, long resumeStep) {
    }

    /** Listeners to attach to this cell's trainer (progress bars, the app's buffer). */
    default List<TrainingListener> trainingListeners(GridCell cell, RunConfig config) {
        return List.of();
    }

    /** A cell is not trained, e.g. because it finished earlier. */
    default void cellSkipped(GridCell cell, int index, int count, String reason) {
    }

    /** A cell finished; {@code shift} is null when the probe is off. */
    default void cellFinished(GridCell cell, RunSummary summary, ShiftConsistencyResult shift) {
    }

    /** A cell stopped on request; its checkpoint is saved and the next run continues it. */
    default void cellStopped(GridCell cell) {
    }

    /** A cell failed; the grid goes on with the next one. */
    default void cellFailed(GridCell cell, String message) {
    }
}
