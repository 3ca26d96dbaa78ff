package org.stridelab.engine.train.events;

/**
 * Receives a run's events on the training thread. Implementations must be quick
 * and must not block (the app copies events into a buffer its UI drains once
 * per frame); everything they receive is plain data, safe to keep.
 */
public interface TrainingListener {
    default void onStep(StepEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }

    default void onStrides(StridesEvent event) {
    }

    default void onAlgebra(AlgebraEvent event) {
    }

    default void onLifecycle(LifecycleEvent event) {
    }

    /** A checkpoint is about to be written: whatever the listener buffers for disk should be written now. */
    default void beforeCheckpoint() {
    }

    /** The final result, once, after the test-set evaluation. */
    default void onFinished(RunSummary summary) {
    }
}
