package org.stridelab.app;

import org.stridelab.engine.train.events.LiveChangeEvent;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.stridelab.app.data.DownloadDialog;
import org.stridelab.app.training.AppEvents;
import org.stridelab.app.training.LabEvent;
import org.stridelab.app.training.RunHandle;
import org.stridelab.app.training.SessionState;
import org.stridelab.app.training.TrainingSession;
import org.stridelab.engine.model.FeatureMaps;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;

/**
 * Where each kind of event goes in the window (on the FX thread, once per
 * frame): metrics to the {@link RunEventRouter} and its views; the session's
 * lifecycle and the app's own events to the session state, the status bar and
 * the download dialog. Events of a run other than the running session only
 * draw (a reopened run's history); they never change the state.
 */
final class WindowEvents implements LabEvent.Handler {
    private final RunEventRouter router;
    private final StatusBar status;
    private final ObjectProperty<SessionState> state;
    private final BooleanProperty canContinue;
    private final Supplier<Stage> stage;
    private final Supplier<TrainingSession> session;
    private final Runnable stop;
    private final Consumer<RunHandle> ended;
    private DownloadDialog download;

    /**
     * @param stop  what the download dialog's Cancel does
     * @param ended told when the session's job is over (after the state is idle)
     */
    WindowEvents(RunEventRouter router, StatusBar status, ObjectProperty<SessionState> state,
                 BooleanProperty canContinue, Supplier<Stage> stage, Supplier<TrainingSession> session,
                 Runnable stop, Consumer<RunHandle> ended) {
        this.router = router;
        this.status = status;
        this.state = state;
        this.canContinue = canContinue;
        this.stage = stage;
        this.session = session;
        this.stop = stop;
        this.ended = ended;
    }

    /** True for the running session's own events. */
    private boolean ours(RunHandle run) {
        TrainingSession s = session.get();
        return s != null && s.run().key().equals(run.key());
    }

    private void progressChanged() {
        double f = router.progress().snapshot().fraction();
        if (Math.abs(f - status.getProgress()) >= 0.005 || f == 1.0) { // no repaint for invisible changes
            status.setProgress(f);
        }
    }

    @Override
    public void step(RunHandle run, StepEvent event) {
        router.step(run, event);
        progressChanged();
    }

    @Override
    public void epoch(RunHandle run, EpochEvent event) {
        router.epoch(run, event);
        progressChanged();
    }

    @Override
    public void strides(RunHandle run, StridesEvent event) {
        router.strides(run, event);
        progressChanged();
    }

    @Override
    public void liveChange(RunHandle run, LiveChangeEvent event) {
        router.liveChange(run, event);
        if (ours(run)) {
            status.setText((event.replayed() ? "Replayed a recorded change: " : "Changed: ") + event.describe());
        }
    }

    @Override
    public void algebra(RunHandle run, AlgebraEvent event) {
        router.algebra(run, event);
    }

    @Override
    public void featureMaps(RunHandle run, FeatureMaps maps) {
        router.featureMaps(run, maps);
    }

    @Override
    public void lifecycle(RunHandle run, LifecycleEvent l) {
        if (!ours(run)) {
            return;
        }
        switch (l.kind()) {
            case PAUSED -> state.set(SessionState.PAUSED);
            case CONTINUED, STARTED, RESUMED -> {
                if (state.get() != SessionState.STOPPING) {
                    state.set(SessionState.RUNNING);
                }
            }
            case CHANGE_REFUSED -> router.changeRefused(l.message());
            default -> { } // a stall warning, or the end (Ended follows), changes no state
        }
        status.setText(capitalise(l.message()));
    }

    @Override
    public void summary(RunHandle run, RunSummary s) {
        if (ours(run)) {
            status.setText(String.format(Locale.ROOT, "Finished %s: best validation %.2f %% (epoch %d), test %.2f %%",
                    run.config().label(), 100 * s.bestValidationAccuracy(), s.bestEpoch(), 100 * s.testAccuracy()));
        }
    }

    @Override
    public void message(RunHandle run, AppEvents.Message m) {
        if (ours(run)) {
            status.setText(m.text());
        }
    }

    @Override
    public void download(RunHandle run, AppEvents.Download d) {
        if (!ours(run)) {
            return;
        }
        if (download == null) {
            download = new DownloadDialog(stage.get(), stop);
            download.show();
        }
        download.update(d.done(), d.total());
        status.setText(String.format(Locale.ROOT, "Downloading CIFAR-10: %.0f MB", d.done() / 1e6));
    }

    @Override
    public void dataFailed(RunHandle run, AppEvents.DataFailed f) {
        if (ours(run)) {
            closeDownload();
            // A dialog, not only the status line: the run never started, and the reason (offline, firewall,
            // where to put the archive by hand) is the user's next step.
            Dialogs.error(stage.get(), "The data '" + f.spec() + "' could not be loaded", f.message());
        }
    }

    @Override
    public void prepared(RunHandle run, AppEvents.Prepared pr) {
        router.prepared(run, pr);
        progressChanged();
        if (!ours(run)) {
            return;
        }
        closeDownload();
        if (state.get() == SessionState.PREPARING) {
            state.set(SessionState.RUNNING);
        }
        status.setText(String.format(Locale.ROOT, "%s | %s | %,d parameters | %.1f M multiply-adds per image%s",
                run.config().label(), pr.data(), pr.parameters(), pr.multiplyAdds() / 1e6,
                pr.restoredStep() > 0 ? " | continued from step " + pr.restoredStep() : ""));
    }

    @Override
    public void ended(RunHandle run, AppEvents.Ended end) {
        if (!ours(run)) {
            return;
        }
        closeDownload();
        if (end.error() != null) {
            status.setText("Run ended: " + end.error());
        }
        state.set(SessionState.IDLE);
        canContinue.set(end.summary() == null && end.error() == null && new RunFolder(run.folder()).hasCheckpoint());
        ended.accept(run);
    }

    private void closeDownload() {
        if (download != null) {
            download.close();
            download = null;
        }
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
