package org.stridelab.app;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.stridelab.app.export.ChartPng;
import org.stridelab.app.export.MetricsCsv;
import org.stridelab.app.export.RunMetrics;
import org.stridelab.app.training.RunHandle;

/** Saving what the lab shows: any chart as PNG, the followed run's metrics as CSV. */
final class ExportActions {
    private final Supplier<Window> owner;
    private final Consumer<String> status;

    ExportActions(Supplier<Window> owner, Consumer<String> status) {
        this.owner = owner;
        this.status = status;
    }

    void chart(JFreeChart chart, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG");
        chooser.setInitialFileName(name + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            try {
                ChartPng.save(chart, file);
                status.accept("Saved " + file);
            } catch (IOException ex) {
                fail("Cannot save the chart", ex);
            }
        }
    }

    void metrics(RunHandle run, RunMetrics metrics) {
        if (run == null || metrics == null || metrics.steps().isEmpty()) {
            Dialogs.error(owner.get(), "Nothing to export", "Start or open a run first: its metrics are exported.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save metrics as CSV");
        chooser.setInitialFileName(run.config().name() + "-metrics.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            try {
                MetricsCsv.write(metrics, file.toPath());
                status.accept("Saved " + file + (metrics.epochs().isEmpty() ? ""
                        : " and " + MetricsCsv.epochsFile(file.toPath()).getFileName()));
            } catch (IOException ex) {
                fail("Cannot save the metrics", ex);
            }
        }
    }

    private void fail(String header, IOException ex) {
        Dialogs.error(owner.get(), header, ex.getMessage());
        status.accept(header + ": " + ex.getMessage());
    }
}
