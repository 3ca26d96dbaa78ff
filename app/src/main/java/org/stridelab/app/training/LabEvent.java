package org.stridelab.app.training;

import org.stridelab.engine.model.FeatureMaps;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
import org.stridelab.engine.train.events.TrainingEvent;

/**
 * Everything that travels from the training worker to the window, as a closed
 * family: the engine's {@link TrainingEvent}s, feature maps, and the app's own
 * {@link AppEvents}. {@link #sendTo} calls the one {@link Handler} method for the
 * event's kind; a handler must implement them all, so the compiler, not a chain
 * of {@code instanceof}, makes sure no kind of event is dropped.
 */
public sealed interface LabEvent permits LabEvent.Training, LabEvent.Features, AppEvents.Message,
        AppEvents.Download, AppEvents.DataFailed, AppEvents.Prepared, AppEvents.Ended {

    void sendTo(RunHandle run, Handler handler);

    /** One method per kind of event, none optional. */
    interface Handler {
        void step(RunHandle run, StepEvent event);

        void epoch(RunHandle run, EpochEvent event);

        void strides(RunHandle run, StridesEvent event);

        void algebra(RunHandle run, AlgebraEvent event);

        void lifecycle(RunHandle run, LifecycleEvent event);

        void summary(RunHandle run, RunSummary summary);

        void featureMaps(RunHandle run, FeatureMaps maps);

        void message(RunHandle run, AppEvents.Message message);

        void download(RunHandle run, AppEvents.Download progress);

        void dataFailed(RunHandle run, AppEvents.DataFailed failure);

        void prepared(RunHandle run, AppEvents.Prepared prepared);

        void ended(RunHandle run, AppEvents.Ended end);
    }

    /** An event of the engine's trainer. */
    record Training(TrainingEvent event) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, Handler h) {
            event.accept(new TrainingEvent.Visitor<Void>() {
                @Override
                public Void step(StepEvent e) {
                    h.step(run, e);
                    return null;
                }

                @Override
                public Void epoch(EpochEvent e) {
                    h.epoch(run, e);
                    return null;
                }

                @Override
                public Void strides(StridesEvent e) {
                    h.strides(run, e);
                    return null;
                }

                @Override
                public Void algebra(AlgebraEvent e) {
                    h.algebra(run, e);
                    return null;
                }

                @Override
                public Void lifecycle(LifecycleEvent e) {
                    h.lifecycle(run, e);
                    return null;
                }

                @Override
                public Void summary(RunSummary s) {
                    h.summary(run, s);
                    return null;
                }
            });
        }
    }

    /** Activations of the inspected image, captured between two steps. */
    record Features(FeatureMaps maps) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, Handler h) {
            h.featureMaps(run, maps);
        }
    }
}
