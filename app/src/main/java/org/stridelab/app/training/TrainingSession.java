package org.stridelab.app.training;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.stridelab.engine.model.FeatureMaps;
import org.stridelab.engine.model.ResNet18;
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
    /** The run's network once built; only ever used on the training worker thread. */
    private final AtomicReference<ResNet18> model = new AtomicReference<>();
    private final AtomicBoolean jobRunning = new AtomicBoolean(true);
    private final TrainingWorker worker;
    private final EventBuffer events;

    private TrainingSession(RunHandle run, TrainingWorker worker, EventBuffer events) {
        this.run = run;
        this.worker = worker;
        this.events = events;
    }

    /** Queues the run on the worker and returns at once; its events arrive through the buffer. */
    public static TrainingSession start(RunHandle run, boolean resume, TrainingWorker worker, EventBuffer events) {
        TrainingSession s = new TrainingSession(run, worker, events);
        worker.submit(new TrainingJob(run, resume, s.control, events, s.cancelled::get, s.model::set,
                () -> s.jobRunning.set(false)));
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

    /**
     * Captures the activations of one image around every downsampling site from
     * the run's network, on the training thread: between two steps while the run
     * trains (or is paused), or as a job of its own once the run is over. The
     * result arrives as a {@link FeatureMaps} event; nothing here waits.
     *
     * @param normalizedImage CHW, 3x32x32, normalised like the training data
     * @return false when there is no network yet (still preparing)
     */
    public boolean captureFeatureMaps(float[] normalizedImage, int channels) {
        if (model.get() == null) {
            return false;
        }
        Runnable task = () -> {
            try {
                events.offer(run, new LabEvent.Features(FeatureMaps.capture(model.get(), normalizedImage, channels)));
            } catch (RuntimeException e) {
                events.offer(run, new AppEvents.Message("feature maps could not be captured: " + e.getMessage()));
            }
        };
        if (jobRunning.get()) {
            control.runBetweenSteps(task);
        } else {
            worker.submit(task);
        }
        return true;
    }

    /**
     * Changes a hyper-parameter from the next step on (checked first by the
     * caller with {@code LiveSettings.refusal}); the trainer reports it as a
     * {@code LiveChangeEvent}, or a refusal. Never waits.
     */
    public void change(org.stridelab.engine.config.Setting<Double> setting, double value) {
        control.change(setting, value);
    }

    /** Stops at the next step boundary (the trainer saves a checkpoint) or cancels a download. */
    public void stop() {
        cancelled.set(true);
        control.stop();
    }
}
