package org.stridelab.engine.train.events;

/**
 * Everything a run reports, as a closed family: the compiler knows every kind,
 * so a {@link Visitor} (the app's event router, for one) cannot miss one. A new
 * kind of event is added here, to {@link Visitor} and to {@link TrainingListener}.
 */
public sealed interface TrainingEvent
        permits StepEvent, EpochEvent, StridesEvent, AlgebraEvent, LifecycleEvent, RunSummary {

    /** The run the event belongs to. */
    String runId();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of event, none optional. */
    interface Visitor<R> {
        R step(StepEvent event);

        R epoch(EpochEvent event);

        R strides(StridesEvent event);

        R algebra(AlgebraEvent event);

        R lifecycle(LifecycleEvent event);

        R summary(RunSummary summary);
    }
}
