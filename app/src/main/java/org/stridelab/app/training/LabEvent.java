package org.stridelab.app.training;

import org.stridelab.engine.model.FeatureMaps;
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

    /**
     * One method per kind of event, none optional: the engine's kinds (through
     * {@link TrainingEvent.Visitor}, with the run as context) and the app's own.
     */
    interface Handler extends TrainingEvent.Visitor<RunHandle> {
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
            event.accept(run, h);
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
