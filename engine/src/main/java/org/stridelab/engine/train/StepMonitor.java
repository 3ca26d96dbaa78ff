package org.stridelab.engine.train;

import java.util.Arrays;

/**
 * The training thread's progress as another thread sees it: which unit of work
 * (a training step, or one evaluation batch) is under way, in which phase, since
 * when, and how long recent training steps took. The training thread writes it;
 * the stall watchdog reads it without ever blocking training (a short lock
 * guards only the ring of recent durations).
 */
public final class StepMonitor {
    /** Recent step durations kept for the median: enough to ride out a slow step or two. */
    private static final int RECENT = 51;

    private final double[] recentSeconds = new double[RECENT];
    private int recorded;
    private volatile TrainingPhase phase = TrainingPhase.WAITING;
    private volatile long unitStartNanos = System.nanoTime();
    private volatile long unitNumber;
    private volatile long step;

    /** A training step begins (it first waits for its batch). */
    void stepStarted(long globalStep) {
        step = globalStep;
        unitNumber++;
        unitStartNanos = System.nanoTime();
        phase = TrainingPhase.DATA;
    }

    void phase(TrainingPhase p) {
        phase = p;
    }

    /** The step that {@link #stepStarted} began is over: its duration joins the median. */
    void stepEnded() {
        double seconds = (System.nanoTime() - unitStartNanos) / 1e9;
        synchronized (recentSeconds) {
            recentSeconds[recorded % RECENT] = seconds;
            recorded++;
        }
        phase = TrainingPhase.WAITING;
    }

    /** One evaluation batch begins: each is a unit of its own, much shorter than a training step. */
    void evaluationBatchStarted() {
        unitNumber++;
        unitStartNanos = System.nanoTime();
        phase = TrainingPhase.EVALUATION;
    }

    /** Back between steps (evaluation over, or paused). */
    void idle() {
        unitNumber++;
        phase = TrainingPhase.WAITING;
    }

    /** What the training thread is doing now, and how that compares with its recent steps. */
    public record Snapshot(long unit, long step, TrainingPhase phase, double secondsInUnit, double medianStepSeconds) {
        public boolean busy() {
            return phase != TrainingPhase.WAITING;
        }
    }

    public Snapshot snapshot() {
        long start = unitStartNanos;
        long unit = unitNumber;
        TrainingPhase p = phase;
        double median;
        synchronized (recentSeconds) {
            int n = Math.min(recorded, RECENT);
            if (n == 0) {
                median = Double.NaN;
            } else {
                double[] sorted = Arrays.copyOf(recentSeconds, n);
                Arrays.sort(sorted);
                median = sorted[n / 2];
            }
        }
        return new Snapshot(unit, step, p, (System.nanoTime() - start) / 1e9, median);
    }
}
