package org.stridelab.engine.train;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A daemon thread that looks at a {@link StepMonitor} now and then and reports,
 * once per unit of work, a step that has run far longer than the run's median
 * step, and again when that step ends. It only reports: a stop is obeyed between
 * steps, so a stuck step is never cut in half, and a run never freezes silently.
 */
final class StallWatchdog implements AutoCloseable {

    /** A report: the unit is stuck ({@code ended} false), or the stuck unit has now ended. */
    record Stall(StepMonitor.Snapshot snapshot, double thresholdSeconds, boolean ended) {

        /** In words for the user, naming the step, its phase and what a kill would keep. */
        String describe(String lastCheckpoint) {
            StepMonitor.Snapshot s = snapshot;
            String what = s.phase() == TrainingPhase.EVALUATION ? "an evaluation batch" : "step " + s.step();
            if (ended) {
                return what + " has ended; training goes on";
            }
            String median = Double.isNaN(s.medianStepSeconds()) ? "no step has finished yet"
                    : String.format(Locale.ROOT, "the median step takes %.1f s", s.medianStepSeconds());
            return String.format(Locale.ROOT, "%s has been %s for %.0f s (%s): it may be stuck. Training is not cut "
                            + "short; a stop is obeyed once this step ends and then saves a checkpoint. Killing the "
                            + "process now keeps %s", what, s.phase().description(), s.secondsInUnit(), median,
                    lastCheckpoint);
        }
    }

    private final Thread thread;
    private volatile boolean closed;

    StallWatchdog(StepMonitor monitor, StallRule rule, Duration poll, Consumer<Stall> report) {
        this.thread = new Thread(() -> watch(monitor, rule, poll.toMillis(), report), "stridelab-stall-watchdog");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch(StepMonitor monitor, StallRule rule, long pollMillis, Consumer<Stall> report) {
        long reportedUnit = -1;
        StepMonitor.Snapshot stuck = null;
        double stuckThreshold = 0;
        while (!closed) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                break;
            }
            StepMonitor.Snapshot now = monitor.snapshot();
            if (stuck != null && (now.unit() != stuck.unit() || !now.busy())) {
                report.accept(new Stall(stuck, stuckThreshold, true));
                stuck = null;
            }
            if (!now.busy() || now.unit() == reportedUnit) {
                continue;
            }
            double threshold = rule.thresholdSeconds(now.medianStepSeconds());
            if (now.secondsInUnit() > threshold) {
                reportedUnit = now.unit();
                stuck = now;
                stuckThreshold = threshold;
                report.accept(new Stall(now, threshold, false));
            }
        }
        if (stuck != null) { // the run is over before the next look: so is the stuck step
            report.accept(new Stall(stuck, stuckThreshold, true));
        }
    }

    /** Stops watching; returns once the watchdog thread is done, so no report arrives after the run. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
