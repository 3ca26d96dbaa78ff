package org.stridelab.visualisations.charts;

/**
 * Exponential moving average with bias correction (as TensorBoard smooths):
 * without the correction the first steps would be pulled towards zero and a
 * loss curve would seem to start low and rise.
 */
public final class EmaSmoother {
    private final double weight;
    private double average;
    private double debias = 1;

    /** @param weight 0 (no smoothing) .. just below 1 (very smooth) */
    public EmaSmoother(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        this.weight = weight;
    }

    /** Adds a value and returns the smoothed value so far; non-finite values are skipped. */
    public double next(double value) {
        if (Double.isFinite(value)) {
            average = weight * average + (1 - weight) * value;
            debias *= weight;
        }
        return debias == 1 ? value : average / (1 - debias);
    }
}
