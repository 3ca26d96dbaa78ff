package org.stridelab.app.training;

import java.util.concurrent.atomic.AtomicBoolean;
import org.stridelab.engine.train.TrainerControl;

/**
 * The FX side's handle on the run being trained: commands go to the trainer's
 * {@link TrainerControl}, which only sets flags (the FX thread never waits);
 * the trainer obeys them between steps.
 */
public final class TrainingSession {
    private final RunHandle run;
    private final TrainerControl control = new TrainerControl();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private TrainingSession(RunHandle run) {
        this.run = run;
    }

    /** Queues the run on the worker and returns at once; its events arrive through the buffer. */
    public static TrainingSession start(RunHandle run, boolean resume, TrainingWorker worker, EventBuffer events) {
        TrainingSession s = new TrainingSession(run);
        worker.submit(new TrainingJob(run, resume, s.control, events, s.cancelled::get));
        return s;
    }

    public RunHandle run() {
        return run;
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** One more batch, then pause (pauses first if running). */
    public void stepOnce() {
        control.stepOnce();
    }

    /** Stops at the next step boundary (the trainer saves a checkpoint) or cancels a download. */
    public void stop() {
        cancelled.set(true);
        control.stop();
    }
}
