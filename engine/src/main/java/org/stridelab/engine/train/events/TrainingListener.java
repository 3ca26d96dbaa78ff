package org.stridelab.engine.train.events;

/**
 * Receives a run's events on the training thread, except the stall warnings
 * ({@code STALLED}, {@code STALL_ENDED} lifecycle events), which come from the
 * watchdog's thread because the training thread is the one that is stuck: a
 * listener that keeps state must be safe for that. Implementations must be quick
 * and must not block (the app copies events into a buffer its UI drains once
 * per frame); everything they receive is plain data, safe to keep.
 */
public interface TrainingListener {
    default void onStep(StepEvent event) {
        onEvent(event);
    }

    default void onEpoch(EpochEvent event) {
        onEvent(event);
    }

    default void onStrides(StridesEvent event) {
        onEvent(event);
    }

    default void onAlgebra(AlgebraEvent event) {
        onEvent(event);
    }

    default void onLifecycle(LifecycleEvent event) {
        onEvent(event);
    }

    /** A hyper-parameter changed while the run trains, or a recorded change was replayed. */
    default void onLiveChange(LiveChangeEvent event) {
        onEvent(event);
    }

    /** A checkpoint is about to be written: whatever the listener buffers for disk should be written now. */
    default void beforeCheckpoint() {
    }

    /** The final result, once, after the test-set evaluation. */
    default void onFinished(RunSummary summary) {
        onEvent(summary);
    }

    /**
     * Any event, for listeners that treat all kinds alike (the app copies them into
     * its buffer): the methods above call it unless they are overridden.
     */
    default void onEvent(TrainingEvent event) {
    }

    /** Calls this listener's method for the event's kind (the trainer's one way of telling listeners). */
    default void receive(TrainingEvent event) {
        event.accept(this, ListenerMethods.VISITOR);
    }
}
