package org.stridelab.app.training;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.app.data.Datasets;
import org.stridelab.engine.data.DatasetException;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.DownloadCancelledException;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.session.RunSession;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;

/**
 * One run, start to end, on the training worker: data (downloading CIFAR-10
 * if asked), then the engine's {@link RunSession} (the run folder, new or reopened
 * to continue, the trainer with its checkpoint restored, the folder's logs).
 * Everything it has to say goes into the event buffer; it never touches the UI.
 */
final class TrainingJob implements Runnable {
    /** Download progress is coalesced to about this interval: the dialog need not hear of every 64 kB chunk. */
    private static final long DOWNLOAD_REPORT_NANOS = 100_000_000L;

    private final RunHandle run;
    private final boolean resume;
    private final TrainerControl control;
    private final EventBuffer events;
    private final BooleanSupplier cancelled;
    private final Consumer<ResNet18> onModel;
    private final Runnable onDone;
    private long lastDownloadReport;

    /**
     * @param onModel told the network once it is built (for feature maps)
     * @param onDone  told when the job is over, before its last event is queued
     */
    TrainingJob(RunHandle run, boolean resume, TrainerControl control, EventBuffer events,
                BooleanSupplier cancelled, Consumer<ResNet18> onModel, Runnable onDone) {
        this.run = run;
        this.resume = resume;
        this.control = control;
        this.events = events;
        this.cancelled = cancelled;
        this.onModel = onModel;
        this.onDone = onDone;
    }

    @Override
    public void run() {
        AppEvents.Ended end = new AppEvents.Ended(null, "the training job ended unexpectedly");
        try {
            end = train();
        } finally {
            onDone.run(); // first, so that a request made after the end goes to the worker, not to a dead loop
            events.offer(run, end);
        }
    }

    private AppEvents.Ended train() {
        RunConfig config = run.config();
        try {
            events.offer(run, new AppEvents.Message("loading data: " + config.data().source()));
            DatasetSplits data;
            try {
                data = Datasets.load(config.data().source(), this::downloadProgress,
                        () -> cancelled.getAsBoolean() || control.isStopRequested());
            } catch (DatasetException e) {
                if (!(e instanceof DownloadCancelledException)) {
                    events.offer(run, new AppEvents.DataFailed(config.data().source(), explain(e)));
                }
                throw e;
            }
            if (control.isStopRequested()) {
                return new AppEvents.Ended(null, null);
            }
            RunSession session = resume ? RunSession.reopen(run.folder()) : RunSession.create(run.folder(), config);
            events.offer(run, new AppEvents.Message("building the network"));
            Trainer trainer = session.prepare(data, control);
            boolean restored = session.resumed();
            onModel.accept(trainer.model());
            if (session.alreadyFinished()) {
                return new AppEvents.Ended(null, "this run has already finished all "
                        + config.schedule().epochs() + " epochs; see " + session.folder().summary());
            }
            events.offer(run, new AppEvents.Prepared(trainer.model().parameterCount(),
                    trainer.model().multiplyAdds(32, 32), trainer.stepsPerEpoch(), config.schedule().epochs(),
                    restored ? trainer.state().globalStep() : 0, restored ? trainer.state().nextEpoch() : 0,
                    data.description(), session.folder().path()));
            RunSummary summary = session.run(List.of(new BufferingListener(run, events), new ThroughputLog(config)));
            return new AppEvents.Ended(summary, null);
        } catch (InterruptedException e) {
            return new AppEvents.Ended(null, "interrupted");
        } catch (Throwable t) {
            return new AppEvents.Ended(null, explain(t));
        }
    }

    private void downloadProgress(long done, long total) {
        long now = System.nanoTime();
        if (now - lastDownloadReport >= DOWNLOAD_REPORT_NANOS || done == total) {
            lastDownloadReport = now;
            events.offer(run, new AppEvents.Download(done, total));
        }
    }

    /** The engine's messages are written for users; only unexpected errors need their type named. */
    static String explain(Throwable t) {
        String msg = t.getMessage();
        if (t instanceof UnsupportedOperationException) {
            return "not supported by this engine build: " + msg;
        }
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return t instanceof IllegalArgumentException || t instanceof java.io.IOException
                || t instanceof org.stridelab.engine.data.DatasetException ? msg
                : t.getClass().getSimpleName() + ": " + msg;
    }
}
