package org.stridelab.engine.train.events;

/**
 * Everything a run reports, as a closed family: the compiler knows every kind,
 * so a {@link Visitor} (the app's event router, for one) cannot miss one. A new
 * kind of event is added here, to {@link Visitor} and to {@link TrainingListener}.
 */
public sealed interface TrainingEvent
        permits StepEvent, EpochEvent, StridesEvent, AlgebraEvent, LifecycleEvent, LiveChangeEvent, RunSummary {

    /** The run the event belongs to. */
    String runId();

    /** Calls the visitor's method for this event's kind, with {@code context} (the app passes the run). */
    <C> void accept(C context, Visitor<C> visitor);

    /** One method per kind of event, none optional. */
    interface Visitor<C> {
        void step(C context, StepEvent event);

        void epoch(C context, EpochEvent event);

        void strides(C context, StridesEvent event);

        void algebra(C context, AlgebraEvent event);

        void lifecycle(C context, LifecycleEvent event);

        void liveChange(C context, LiveChangeEvent event);

        void summary(C context, RunSummary summary);
    }
}
