package org.stridelab.engine.train;

import org.stridelab.engine.config.ScheduleKind;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * The learning rate over training, fed to ND4J's updaters as an {@link ISchedule}.
 * Constant; step (times {@code gamma} every {@code stepEpochs} epochs); or cosine
 * annealing to zero over all steps of the run, evaluated per step.
 *
 * <p>The base rate can be changed while a run trains ({@link #rebase}): the
 * schedule keeps its shape and is scaled to the new base from the next step on.
 * Only the training thread changes or reads it.
 */
public final class LearningRateSchedule implements ISchedule {

    private final ScheduleKind kind;
    private double base;
    private final int stepEpochs;
    private final double gamma;
    private final long totalSteps;
    private final int stepsPerEpoch;

    public LearningRateSchedule(ScheduleKind kind, double base, int stepEpochs, double gamma, int epochs, int stepsPerEpoch) {
        this.kind = kind;
        this.base = base;
        this.stepEpochs = Math.max(1, stepEpochs);
        this.gamma = gamma;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.totalSteps = (long) Math.max(1, epochs) * this.stepsPerEpoch;
    }

    /** The base rate the schedule scales (the configured learning rate, or the last live change). */
    public double base() {
        return base;
    }

    /** Scales the schedule to a new base rate, from the next rate asked for on. */
    public void rebase(double newBase) {
        if (!(newBase > 0) || Double.isInfinite(newBase)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, got " + newBase);
        }
        base = newBase;
    }

    /** The rate at a global step (epoch = step / stepsPerEpoch). */
    public double at(long globalStep) {
        int epoch = (int) (globalStep / stepsPerEpoch);
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, epoch / stepEpochs);
            case COSINE -> 0.5 * base * (1 + Math.cos(Math.PI * Math.min(globalStep, totalSteps) / totalSteps));
        };
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return at(iteration);
    }

    @Override
    public ISchedule clone() {
        return new LearningRateSchedule(kind, base, stepEpochs, gamma, (int) (totalSteps / stepsPerEpoch),
                stepsPerEpoch);
    }
}
