package org.stridelab.app.training;

import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.visualisations.progress.ProgressSnapshot;

/**
 * Turns a run's events into the progress view's numbers: smoothed images per
 * second and an ETA from the smoothed time per step (training steps only; the
 * validation passes come on top).
 */
public final class ProgressTracker {
    private static final double RATE_SMOOTHING = 0.9;
    private static final double STEP_TIME_SMOOTHING = 0.95;

    private int epochs;
    private int stepsPerEpoch;
    private long parameters;
    private long multiplyAdds;
    private int epoch;
    private long step;
    private double rate = Double.NaN;
    private double stepSeconds = Double.NaN;
    private double lastElapsed = Double.NaN;

    public void prepared(AppEvents.Prepared p) {
        epochs = p.epochs();
        stepsPerEpoch = p.stepsPerEpoch();
        parameters = p.parameters();
        multiplyAdds = p.multiplyAdds();
        step = p.restoredStep();
        epoch = p.restoredEpoch();
        rate = Double.NaN;
        stepSeconds = Double.NaN;
        lastElapsed = Double.NaN;
    }

    public void step(StepEvent e) {
        epoch = e.epoch() + 1;
        step = e.globalStep();
        if (e.stepsPerEpoch() > 0) {
            stepsPerEpoch = e.stepsPerEpoch();
        }
        if (Double.isFinite(e.imagesPerSecond())) {
            rate = Double.isNaN(rate) ? e.imagesPerSecond()
                    : RATE_SMOOTHING * rate + (1 - RATE_SMOOTHING) * e.imagesPerSecond();
        }
        if (!Double.isNaN(lastElapsed)) {
            double dt = e.elapsedSeconds() - lastElapsed;
            // a pause or a validation pass between two steps is not step time
            if (dt > 0 && (Double.isNaN(stepSeconds) || dt < 5 * stepSeconds)) {
                stepSeconds = Double.isNaN(stepSeconds) ? dt
                        : STEP_TIME_SMOOTHING * stepSeconds + (1 - STEP_TIME_SMOOTHING) * dt;
            }
        }
        lastElapsed = e.elapsedSeconds();
    }

    public void cost(long multiplyAddsPerImage) {
        multiplyAdds = multiplyAddsPerImage;
    }

    public ProgressSnapshot snapshot() {
        long total = (long) epochs * stepsPerEpoch;
        double eta = Double.isNaN(stepSeconds) ? Double.NaN : Math.max(0, total - step) * stepSeconds;
        return new ProgressSnapshot(epoch, epochs, step, total, rate, eta, multiplyAdds, parameters);
    }
}
