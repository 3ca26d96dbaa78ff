package org.stridelab.app;

import org.stridelab.app.live.LiveMarks;
import org.stridelab.app.live.LiveSettingsPanel;
import org.stridelab.engine.train.events.LiveChangeEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.app.export.RunMetrics;
import org.stridelab.app.training.AppEvents;
import org.stridelab.app.training.ProgressTracker;
import org.stridelab.app.training.RunHandle;
import org.stridelab.engine.model.FeatureMaps;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;

/**
 * Applies a run's metric events to the views (on the FX thread). Curves take
 * every event (they keep full histories and decimate when drawing); the
 * per-layer views (strides table, masks, inspector) only need the latest state,
 * so a frame's stride (and PHC algebra) events collapse into one update at the end of the frame.
 */
final class RunEventRouter {
    private final LabViews views;
    private final LiveSettingsPanel live;
    private final Map<String, RunMetrics> metrics = new HashMap<>();
    private final ProgressTracker progress = new ProgressTracker();
    private RunHandle current;
    private String featureImage = "the image";
    private StridesEvent latestStrides;
    private AlgebraEvent latestAlgebra;
    private boolean progressChanged;
    private long lastProgressDraw;
    /** Numbers that change every step are redrawn four times a second: readable, and cheap for training. */
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    RunEventRouter(LabViews views, LiveSettingsPanel live) {
        this.views = views;
        this.live = live;
    }

    /** Adds a run to the curves (its own colour) and makes it the one the progress and stride views follow. */
    void follow(RunHandle run, boolean newRun) {
        if (!views.loss.hasLine(run.key() + "/smooth")) {
            views.loss.addRun(run.label());
            views.accuracy.addRun(run.label());
            views.learningRate.addRun(run.label());
        }
        metrics.computeIfAbsent(run.key(), k -> new RunMetrics());
        if (current == null || !current.key().equals(run.key()) || newRun) {
            views.strideChart.reset();
            views.loss.marks().clear();
            views.learningRate.marks().clear();
            views.masks.reset();
            views.strideTable.show(List.of(), 0);
            latestAlgebra = null;
            views.algebra.showMessage(run.config().model().phc() >= 2
                    ? "The algebras of " + run.config().label() + " (PHC n=" + run.config().model().phc() + ") arrive while "
                    + "it trains: after its first step, then every 20 steps (run folders do not keep them)."
                    : run.config().label() + " uses ordinary convolutions: it has no algebra to learn. Choose a PHC "
                    + "order (2, 3 or 4) in the run form and start a run to see one.");
        }
        current = run;
    }

    /** Names the image the next feature maps belong to. */
    void featureImage(String name) {
        featureImage = name;
    }

    RunHandle current() {
        return current;
    }

    RunMetrics metrics(String runKey) {
        return metrics.get(runKey);
    }

    private boolean follows(RunHandle run) {
        return current != null && current.key().equals(run.key());
    }

    void step(RunHandle run, StepEvent s) {
        String key = run.key();
        views.loss.addLoss(key, s.globalStep(), s.loss());
        views.learningRate.addLearningRate(key, s.globalStep(), s.learningRate());
        metrics.computeIfAbsent(key, k -> new RunMetrics()).add(s);
        if (follows(run)) {
            progress.step(s);
            progressChanged = true;
        }
    }

    void epoch(RunHandle run, EpochEvent ep) {
        views.accuracy.addAccuracy(run.key(), ep.epoch() + 1, ep.validationAccuracy());
        metrics.computeIfAbsent(run.key(), k -> new RunMetrics()).add(ep);
    }

    void strides(RunHandle run, StridesEvent st) {
        if (follows(run)) {
            views.strideChart.addStrides(st.globalStep(), st.layers());
            latestStrides = st;
        }
    }

    /** A live change: marked on the loss, learning-rate and stride charts, shown in the live panel. */
    void liveChange(RunHandle run, LiveChangeEvent change) {
        if (!follows(run)) {
            return;
        }
        String mark = LiveMarks.label(change);
        views.loss.marks().add(change.firstBatchStep(), mark);
        views.learningRate.marks().add(change.step(), mark);
        views.strideChart.marks().add(change.firstBatchStep(), mark);
        live.applied(change);
    }

    /** The trainer refused a live change the panel had let through (the run changed meanwhile). */
    void changeRefused(String why) {
        live.refused(why);
    }

    void algebra(RunHandle run, AlgebraEvent algebra) {
        if (follows(run)) {
            latestAlgebra = algebra; // the view shows the latest only: older ones of this frame are skipped
        }
    }

    void featureMaps(RunHandle run, FeatureMaps maps) {
        views.featureMaps.show(maps, "Activations of " + featureImage + " in " + run.config().label()
                + " at step " + progress.snapshot().step() + " (4 channels per layer; each scaled to its range)");
    }

    void prepared(RunHandle run, AppEvents.Prepared prepared) {
        if (follows(run)) {
            progress.prepared(prepared);
            progressChanged = true;
        }
    }

    /** Once per frame, after the events: latest strides to the per-layer views, then redraws. */
    void afterFrame(long nowNanos) {
        if (latestStrides != null) {
            List<PoolingState> layers = latestStrides.layers();
            views.strideTable.show(layers, latestStrides.multiplyAddsPerImage());
            views.masks.show(layers);
            if (current != null) {
                views.inspector.setLearnedStrides(layers, current.config().diffStride().smoothness());
            }
            progress.cost(latestStrides.multiplyAddsPerImage());
            progressChanged = true;
            latestStrides = null;
        }
        if (latestAlgebra != null) {
            views.algebra.show(latestAlgebra);
            latestAlgebra = null;
        }
        if (progressChanged && nowNanos - lastProgressDraw >= PROGRESS_INTERVAL_NANOS) {
            views.progress.show(progress.snapshot());
            progressChanged = false;
            lastProgressDraw = nowNanos;
        }
        views.refresh(nowNanos);
    }

    /** The progress numbers of the followed run (for the status bar). */
    ProgressTracker progress() {
        return progress;
    }
}
