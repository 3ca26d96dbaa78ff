package org.stridelab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;

class ExportTest {

    @Test
    void chartPngIsWrittenAtTheRequestedSizeWithoutADisplay(@TempDir Path dir) throws Exception {
        XYSeries s = new XYSeries("loss");
        for (int i = 1; i <= 50; i++) {
            s.add(i, 2.3 / Math.sqrt(i));
        }
        JFreeChart chart = new JFreeChart(new XYPlot(new XYSeriesCollection(s), new NumberAxis("step"),
                new NumberAxis("loss"), new XYLineAndShapeRenderer(true, false)));
        File png = dir.resolve("loss.png").toFile();
        ChartPng.save(chart, png);
        BufferedImage img = ImageIO.read(png);
        assertEquals(ChartPng.WIDTH, img.getWidth());
        assertEquals(ChartPng.HEIGHT, img.getHeight());
    }

    @Test
    void metricsCsvUsesTheRunFolderHeadersAndRows(@TempDir Path dir) throws Exception {
        RunMetrics m = new RunMetrics();
        m.add(new StepEvent("r", 0, 0, 2, 1, 2.5, 0.1, 300, 0.2));
        m.add(new StepEvent("r", 0, 1, 2, 2, 2.25, 0.05, 310, 0.4));
        m.add(new EpochEvent("r", 0, 2, 2.4, 0.2, 2.1, 0.3, 1.5));
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(m, file);
        List<String> rows = Files.readAllLines(file);
        assertEquals(RunFolderWriter.METRICS_HEADER, rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("2,0,1,2.25000,0.0500000,"), rows.get(2));
        List<String> epochs = Files.readAllLines(MetricsCsv.epochsFile(file));
        assertEquals(RunFolderWriter.EPOCHS_HEADER, epochs.get(0));
        assertTrue(epochs.get(1).startsWith("2,0,2.40000,0.200000,2.10000,0.300000"), epochs.get(1));
    }
}
