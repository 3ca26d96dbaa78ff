package org.stridelab.engine.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.AtomicFiles;

/**
 * The report's PNG charts, drawn with JFreeChart into images (Java2D, no
 * window, no JavaFX). Headless mode is left to the caller: the command line
 * sets java.awt.headless=true, while the app must not have it forced on its
 * process by a library; on Linux without a display Java is headless anyway.
 */
final class ReportCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private ReportCharts() {
    }

    /** Writes the charts into {@code folder}; returns their file names (charts without data are left out). */
    static List<String> write(GridTable table, Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        boolean several = table.sections().size() > 1;
        for (GridTable.Section section : table.sections()) {
            String suffix = several ? "_" + section.variant().key() : "";
            String title = several ? " (" + section.variant().label() + ")" : "";
            JFreeChart accuracy = accuracy(table, section, title);
            if (accuracy != null) {
                files.add(save(accuracy, folder, "accuracy-vs-init" + suffix + ".png"));
            }
            JFreeChart strides = learnedStrides(section, title);
            if (strides != null) {
                files.add(save(strides, folder, "learned-strides" + suffix + ".png"));
            }
        }
        return files;
    }

    /** Test accuracy per stride initialisation, one line per method, error bars = SD over seeds. */
    static JFreeChart accuracy(GridTable table, GridTable.Section section, String title) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        boolean any = false;
        for (DownsamplingMethod m : table.methods()) {
            for (GridTable.Row row : section.rows()) {
                GridTable.Entry e = row.entries().get(table.methods().indexOf(m));
                Spread a = e.accuracy();
                // A missing value is added as null so that the x axis keeps the grid's row order.
                Number mean = a.n() == 0 ? null : (Number) (100 * a.mean());
                Number sd = a.n() > 1 ? (Number) (100 * a.sd()) : (Number) 0.0;
                data.add(mean, sd, m.cliName(), row.label());
                any |= a.n() > 0;
            }
        }
        if (!any) {
            return null;
        }
        NumberAxis y = new NumberAxis("test accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        for (int i = 0; i < table.methods().size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("stride initialisation (stages 2, 3, 4)"), y,
                renderer);
        JFreeChart chart = new JFreeChart("Test accuracy by stride initialisation" + title,
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        boolean repeated = section.rows().stream().flatMap(r -> r.entries().stream())
                .anyMatch(e -> e.accuracy().n() > 1);
        if (repeated) {
            chart.addSubtitle(new TextTitle("mean over seeds; error bars: ± 1 standard deviation"));
        }
        return styled(chart);
    }

    /** DiffStride's final strides per layer (mean of height and width, over seeds), one bar per initialisation. */
    static JFreeChart learnedStrides(GridTable.Section section, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (GridTable.Row row : section.rows()) {
            for (GridTable.Entry e : row.entries()) {
                if (e.method() != DownsamplingMethod.DIFFSTRIDE) {
                    continue;
                }
                e.strides().forEach((layer, s) -> data.addValue((s[0] + s[1]) / 2, "init " + row.label(), layer));
            }
        }
        if (data.getRowCount() == 0) {
            return null;
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis x = new CategoryAxis("layer");
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis("learned stride (mean of height and width)"),
                renderer);
        return styled(new JFreeChart("DiffStride: learned strides per layer" + title, JFreeChart.DEFAULT_TITLE_FONT,
                plot, true));
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.setRangeGridlinesVisible(true);
        return chart;
    }

    private static String save(JFreeChart chart, Path folder, String name) throws IOException {
        AtomicFiles.write(folder.resolve(name), out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return name;
    }
}
