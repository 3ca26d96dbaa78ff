package org.stridelab.visualisations.charts;

import java.util.HashMap;
import java.util.Map;

/**
 * Training loss per step for any number of runs: the raw per-batch loss as a
 * pale line, and a bias-corrected exponential moving average over it in the
 * run's colour (the legend names only the smoothed lines). Log scale is
 * optional: cross-entropy falls over orders of magnitude late in training.
 */
public final class LossChart extends LiveXYChart {
    private final Map<String, EmaSmoother> smoothers = new HashMap<>();
    private final Map<String, RunLabel> runs = new HashMap<>();
    private double smoothing = 0.9;

    public LossChart() {
        super("step", "training loss");
        setNoDataMessage("Start a run to see its training loss here.");
    }

    public void addRun(RunLabel run) {
        runs.put(run.key(), run);
        addLine(rawKey(run.key()), null, new Look(() -> RunPalette.awtLight(run.colourIndex(), 0.65), 0.8f, false, false));
        addLine(smoothKey(run.key()), run.legend(), new Look(() -> RunPalette.awt(run.colourIndex()), 2f, false, false));
        smoothers.put(run.key(), new EmaSmoother(smoothing));
    }

    public void addLoss(String runKey, long step, double loss) {
        append(rawKey(runKey), step, loss);
        append(smoothKey(runKey), step, smoothers.get(runKey).next(loss));
    }

    public void removeRun(String runKey) {
        removeLines(runKey + "/");
        smoothers.remove(runKey);
        runs.remove(runKey);
    }

    /** Changes the smoothing weight (0..0.99) and recomputes every smoothed line from its raw points. */
    public void setSmoothing(double weight) {
        this.smoothing = weight;
        for (String run : runs.keySet()) {
            GrowingSeries raw = data(rawKey(run));
            GrowingSeries smooth = data(smoothKey(run));
            EmaSmoother s = new EmaSmoother(weight);
            smooth.clear();
            for (int i = 0; i < raw.size(); i++) {
                smooth.add(raw.x(i), s.next(raw.y(i)));
            }
            smoothers.put(run, s);
        }
        refreshNow();
    }

    public double smoothing() {
        return smoothing;
    }

    /** Raw loss points received for a run (all of them, not the decimated ones). */
    public int points(String runKey) {
        GrowingSeries raw = data(rawKey(runKey));
        return raw == null ? 0 : raw.size();
    }

    static String rawKey(String run) {
        return run + "/raw";
    }

    static String smoothKey(String run) {
        return run + "/smooth";
    }
}
