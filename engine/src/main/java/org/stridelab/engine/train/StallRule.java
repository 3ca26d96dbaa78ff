package org.stridelab.engine.train;

/**
 * When a unit of training work counts as stuck: longer than {@code factor} times
 * the median training step and at least {@code minimumSeconds}. Before any step
 * has finished (the first ones also warm up the JIT and the native libraries)
 * only {@code firstStepSeconds} counts.
 */
public record StallRule(double factor, double minimumSeconds, double firstStepSeconds) {
    /** 20x the median step, at least a minute; 20 minutes for a first step. */
    public static final StallRule DEFAULT = new StallRule(20, 60, 1200);

    public StallRule {
        if (!(factor >= 1) || !(minimumSeconds > 0) || !(firstStepSeconds > 0)) {
            throw new IllegalArgumentException("stall rule: factor must be >= 1 and the times positive");
        }
    }

    /** The seconds after which work in progress counts as stuck, given the median step (NaN if none yet). */
    public double thresholdSeconds(double medianStepSeconds) {
        return Double.isNaN(medianStepSeconds) ? firstStepSeconds
                : Math.max(minimumSeconds, factor * medianStepSeconds);
    }
}
