package org.stridelab.app.training;

import java.nio.file.Path;
import org.stridelab.engine.train.events.RunSummary;

/** The {@link LabEvent}s the app's training job adds to the engine's: preparation, download progress and the end. */
public final class AppEvents {
    private AppEvents() {
    }

    /** A status line while the job prepares (data, folder, model). */
    public record Message(String text) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, LabEvent.Handler h) {
            h.message(run, this);
        }
    }

    /** CIFAR-10 download progress; {@code total} is -1 when the server did not say. */
    public record Download(long done, long total) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, LabEvent.Handler h) {
            h.download(run, this);
        }
    }

    /**
     * The data could not be loaded or downloaded (not cancelled: the user knows about that); the window shows
     * the engine's explanation in a dialog, since the run ends before anything else could tell.
     */
    public record DataFailed(String spec, String message) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, LabEvent.Handler h) {
            h.dataFailed(run, this);
        }
    }

    /**
     * The model is built and (if resuming) restored; training starts next.
     *
     * @param restoredStep global step of the restored checkpoint, 0 for a new run
     */
    public record Prepared(long parameters, long multiplyAdds, int stepsPerEpoch, int epochs, long restoredStep,
                           int restoredEpoch, String data, Path folder) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, LabEvent.Handler h) {
            h.prepared(run, this);
        }
    }

    /**
     * The job is over: {@code summary} when training finished, otherwise null
     * (stopped, or failed with {@code error}).
     */
    public record Ended(RunSummary summary, String error) implements LabEvent {
        @Override
        public void sendTo(RunHandle run, LabEvent.Handler h) {
            h.ended(run, this);
        }
    }
}
