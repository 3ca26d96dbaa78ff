package org.stridelab.visualisations.charts;

/**
 * Validation accuracy (in %) after each epoch, one marked line per run: the
 * number the runs are compared by (the test set is only looked at once, at the end).
 */
public final class AccuracyChart extends LiveXYChart {

    public AccuracyChart() {
        super("epoch", "validation accuracy (%)");
        setNoDataMessage("Validation accuracy appears after the first epoch.");
        setFixedRange(0, 100); // runs compare on one scale; chance (10 %) and perfect stay in view
        setIntegerDomain();
    }

    public void addRun(RunLabel run) {
        addLine(run.key() + "/val", run.legend(), new Look(() -> RunPalette.awt(run.colourIndex()), 2f, false, true));
    }

    /** @param epoch 1-based epoch; accuracy in 0..1 */
    public void addAccuracy(String runKey, int epoch, double accuracy) {
        append(runKey + "/val", epoch, 100 * accuracy);
    }

    public void removeRun(String runKey) {
        removeLines(runKey + "/");
    }

    public int points(String runKey) {
        GrowingSeries s = data(runKey + "/val");
        return s == null ? 0 : s.size();
    }
}
