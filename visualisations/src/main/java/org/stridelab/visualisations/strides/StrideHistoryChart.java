package org.stridelab.visualisations.strides;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.model.PoolingState;
import org.stridelab.visualisations.charts.LiveXYChart;
import org.stridelab.visualisations.charts.RunPalette;

/**
 * The learned strides over training steps: one colour per spectral layer,
 * solid for the vertical stride Sh and dashed for the horizontal stride Sw.
 * Strided convolution has fixed integer strides and no such layers; the chart
 * then says so instead of staying silently empty.
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
                addLine(h, h, RunPalette.awt(colour), solid(2f), false);
                addLine(w, w, RunPalette.awt(colour), dashed(2f), false);
            }
            append(h, step, layer.strideHeight());
            append(w, step, layer.strideWidth());
        }
    }

    /** Forgets every layer (a new run starts). */
    public void reset() {
        clear();
        layerColours.clear();
    }
}
