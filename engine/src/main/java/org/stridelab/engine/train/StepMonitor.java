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
    /**
     * The unit under way, published whole (one volatile write), so that a reader
     * never pairs one unit's number with another's start time.
     */
    private volatile Unit unit = new Unit(0, 0, TrainingPhase.WAITING, System.nanoTime());

    private record Unit(long number, long step, TrainingPhase phase, long startNanos) {
    }

    /** A training step begins (it first waits for its batch). */
    void stepStarted(long globalStep) {
        unit = new Unit(unit.number() + 1, globalStep, TrainingPhase.DATA, System.nanoTime());
    }

    /** The unit under way moves to another phase (its clock runs on). */
    void phase(TrainingPhase p) {
        Unit u = unit;
        unit = new Unit(u.number(), u.step(), p, u.startNanos());
    }

    /** The step that {@link #stepStarted} began is over: its duration joins the median. */
    void stepEnded() {
        Unit u = unit;
        double seconds = (System.nanoTime() - u.startNanos()) / 1e9;
        synchronized (recentSeconds) {
            recentSeconds[recorded % RECENT] = seconds;
            recorded++;
        }
        idle();
    }

    /** One evaluation batch begins: each is a unit of its own, much shorter than a training step. */
    void evaluationBatchStarted() {
        unit = new Unit(unit.number() + 1, unit.step(), TrainingPhase.EVALUATION, System.nanoTime());
    }

    /**
     * Back between steps (evaluation over, or paused). A new unit with a fresh
     * clock: a checkpoint written after a long pause is timed from here, not from
     * the last step's start.
     */
    void idle() {
        unit = new Unit(unit.number() + 1, unit.step(), TrainingPhase.WAITING, System.nanoTime());
    }

    /** What the training thread is doing now, and how that compares with its recent steps. */
    public record Snapshot(long unit, long step, TrainingPhase phase, double secondsInUnit, double medianStepSeconds) {
        public boolean busy() {
            return phase != TrainingPhase.WAITING;
        }
    }

    public Snapshot snapshot() {
        Unit u = unit;
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
        return new Snapshot(u.number(), u.step(), u.phase(), (System.nanoTime() - u.startNanos()) / 1e9, median);
    }
}
