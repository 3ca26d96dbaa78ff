package org.stridelab.app.training;

import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
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
    public void onStep(StepEvent event) {
        buffer.offer(run, event);
    }

    @Override
    public void onEpoch(EpochEvent event) {
        buffer.offer(run, event);
    }

    @Override
    public void onStrides(StridesEvent event) {
        buffer.offer(run, event);
    }

    @Override
    public void onAlgebra(AlgebraEvent event) {
        buffer.offer(run, event); // PHC runs only, every 20 steps: a few small float arrays
    }

    @Override
    public void onLifecycle(LifecycleEvent event) {
        buffer.offer(run, event);
    }

    @Override
    public void onFinished(RunSummary summary) {
        buffer.offer(run, summary);
    }
}
