package org.stridelab.app.export;

import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.jfree.chart.JFreeChart;
import org.stridelab.visualisations.charts.LiveXYChart;

/** The "PNG" tool every chart panel carries. */
public final class ChartButtons {
    private ChartButtons() {
    }

    /** @param export asked to save the chart, with a suggested file name */
    public static Button png(LiveXYChart chart, String name, BiConsumer<JFreeChart, String> export) {
        Button b = new Button("PNG");
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip("Save this chart as a PNG file"));
        b.setOnAction(e -> export.accept(chart.chart(), name));
        return b;
    }
}
