package org.stridelab.visualisations.progress;

/**
 * Where a run stands, as plain numbers for the progress view.
 *
 * @param epoch             current epoch, 1-based (0 before the first step)
 * @param epochs            epochs configured
 * @param step              global step
 * @param totalSteps        steps of the whole run (epochs x steps per epoch)
 * @param imagesPerSecond   smoothed training throughput (NaN if unknown)
 * @param etaSeconds        estimated time to the end of training (NaN if unknown)
 * @param multiplyAdds      network multiply-adds per image at the current strides (0 if unknown)
 * @param parameters        trainable values (0 if unknown)
 */
public record ProgressSnapshot(int epoch, int epochs, long step, long totalSteps, double imagesPerSecond,
                               double etaSeconds, long multiplyAdds, long parameters) {

    public static final ProgressSnapshot NONE = new ProgressSnapshot(0, 0, 0, 0, Double.NaN, Double.NaN, 0, 0);

    /** Fraction of training steps done, 0..1. */
    public double fraction() {
        return totalSteps <= 0 ? 0 : Math.min(1.0, (double) step / totalSteps);
    }
}
