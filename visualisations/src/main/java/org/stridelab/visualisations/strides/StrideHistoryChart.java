package org.stridelab.visualisations.strides;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.visualisations.charts.LiveXYChart;
import org.stridelab.visualisations.charts.RunLabel;
import org.stridelab.visualisations.charts.RunPalette;

/**
 * The learned strides over training steps: one colour per spectral layer,
 * solid for the vertical stride Sh and dashed for the horizontal stride Sw.
 * Strided convolution has fixed integer strides and no such layers; the chart
 * then says so instead of staying silently empty.
 *
 * <p>To compare runs, {@link #addRunStrides} draws one layer of several runs
 * instead, each in its run's colour (the same as in the loss and accuracy charts).
 */
public final class StrideHistoryChart extends LiveXYChart {
    private final Map<String, Integer> layerColours = new HashMap<>();

    public StrideHistoryChart() {
        super("step", "stride");
        setNoDataMessage("Learned strides appear here for the spectral methods (spectral, diffstride).");
    }

    /** Adds one point per layer and axis. */
    public void addStrides(long step, List<PoolingState> layers) {
        for (PoolingState layer : layers) {
            String h = layer.name() + " Sh";
            String w = layer.name() + " Sw";
            if (!hasLine(h)) {
                int colour = layerColours.computeIfAbsent(layer.name(), k -> layerColours.size());
                addLine(h, h, new Look(() -> RunPalette.awt(colour), 2f, false, false));
                addLine(w, w, new Look(() -> RunPalette.awt(colour), 2f, true, false));
            }
            append(h, step, layer.strideHeight());
            append(w, step, layer.strideWidth());
        }
    }

    /** One layer of one run, for comparing runs: Sh solid and Sw dashed in the run's colour. */
    public void addRunStrides(RunLabel run, long step, PoolingState layer) {
        String h = run.key() + "/Sh";
        String w = run.key() + "/Sw";
        if (!hasLine(h)) {
            // one legend entry per run: the colour names the run, solid/dashed the axis (as in the panel's note)
            addLine(h, run.legend(), new Look(() -> RunPalette.awt(run.colourIndex()), 2f, false, false));
            addLine(w, null, new Look(() -> RunPalette.awt(run.colourIndex()), 2f, true, false));
        }
        append(h, step, layer.strideHeight());
        append(w, step, layer.strideWidth());
    }

    /** Removes a run added with {@link #addRunStrides}. */
    public void removeRun(String runKey) {
        removeLines(runKey + "/");
    }

    /** Forgets every layer (a new run starts). */
    public void reset() {
        clear();
        marks().clear();
        layerColours.clear();
    }
}
