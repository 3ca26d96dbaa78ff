package org.stridelab.app.training;

/**
 * One event of one run on its way from the training thread to the FX thread.
 * The payload is an engine event (StepEvent, EpochEvent, StridesEvent,
 * AlgebraEvent, LifecycleEvent, RunSummary) or one of the app's own {@link AppEvents}; all are
 * immutable plain data, safe to hand across threads.
 */
public record RunEvent(RunHandle run, Object payload) {
}
