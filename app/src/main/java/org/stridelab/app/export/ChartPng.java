package org.stridelab.app.export;

import java.io.File;
import java.io.IOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Saves a chart as PNG through JFreeChart's own renderer (Java2D), so the file
 * is drawn at the requested size rather than screenshot at screen resolution.
 */
public final class ChartPng {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 750;

    private ChartPng() {
    }

    public static void save(JFreeChart chart, File file) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, WIDTH, HEIGHT);
    }
}
