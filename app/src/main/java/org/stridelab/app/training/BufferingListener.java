package org.stridelab.app.training;

import org.stridelab.engine.train.events.TrainingEvent;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * Copies a trainer's events into the {@link EventBuffer}, tagged with the run.
 * Runs on the training thread and only appends to a lock-free queue, so
 * training never waits on the UI. The engine's events are already plain
 * immutable data copied off ND4J memory (PoolingState masks are fresh arrays).
 */
final class BufferingListener implements TrainingListener {
    private final RunHandle run;
    private final EventBuffer buffer;

    BufferingListener(RunHandle run, EventBuffer buffer) {
        this.run = run;
        this.buffer = buffer;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        buffer.offer(run, new LabEvent.Training(event)); // algebras: PHC runs only, every 20 steps, a few small arrays
    }
}
