package org.stridelab.visualisations.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart line chart fed live: every series keeps its full history in a
 * {@link GrowingSeries}; the chart holds only a min/max decimated copy, rebuilt
 * at most a few times a second and only when something changed. Appending
 * never touches the chart, so it is cheap enough to do for every event.
 */
public class LiveXYChart {
    /**
     * Minimum time between two redraws: a curve need not move faster than the eye
     * reads it, and on a software pipeline every redraw takes CPU from training.
     */
    private static final long REDRAW_INTERVAL_NANOS = 250_000_000L;

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final XYPlot plot;
    /** Significant digits of the value axis's plain numbers, 0 for JFreeChart's own format. */
    private int plainDigits;
    /** Whether the linear value axis always reaches down to zero. */
    private boolean fromZero;
    private final ChartViewer viewer;
    private final ChangeMarks marks;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final String rangeLabel;
    private boolean dirty;
    private long lastRedraw;

    private static final class Line {
        final GrowingSeries data = new GrowingSeries();
        final XYSeries shown;
        Look look;

        Line(String key) {
            shown = new XYSeries(key, false, true);
        }
    }

    /**
     * How a line looks, worked out again under each {@link ChartTheme}.
     *
     * @param paint  its colour under the active theme (e.g. {@code () -> RunPalette.awt(i)})
     * @param width  its width under the standard theme
     * @param dashed dashed rather than solid
     * @param shapes a marker at each point
     */
    public record Look(Supplier<Paint> paint, float width, boolean dashed, boolean shapes) {
    }

    /** Kept in a field: the theme property holds only a weak reference to it. */
    private final InvalidationListener restyle = o -> restyle();

    public LiveXYChart(String domainLabel, String rangeLabel) {
        this.rangeLabel = rangeLabel;
        NumberAxis x = new NumberAxis(domainLabel);
        x.setAutoRangeIncludesZero(false);
        this.plot = new XYPlot(dataset, x, linearAxis(rangeLabel), renderer);
        this.chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        this.marks = new ChangeMarks(plot);
        ChartTheme.activeProperty().addListener(new WeakInvalidationListener(restyle));
        this.viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("live-chart");
        viewer.setMinSize(120, 100);
    }

    /** The JavaFX node to put in a layout. */
    public ChartViewer viewer() {
        return viewer;
    }

    /** The chart itself, e.g. to export it as PNG. */
    public JFreeChart chart() {
        return chart;
    }

    /** Fixes the value axis to a range (e.g. 0..100 %) instead of following the data. */
    public void setFixedRange(double lower, double upper) {
        plot.getRangeAxis().setAutoRange(false);
        plot.getRangeAxis().setRange(lower, upper);
    }

    /** Whole-number ticks on the horizontal axis (epochs). */
    public void setIntegerDomain() {
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeMinimumSize(2);
    }

    public XYPlot plot() {
        return plot;
    }

    /** The marks of live changes on the step axis. */
    public ChangeMarks marks() {
        return marks;
    }

    /**
     * Adds a line (once per key; later calls change its look).
     *
     * @param legend null to leave it out of the legend (e.g. raw points under a smoothed line)
     */
    /** Adds a line, or changes how an existing one looks; a legend of null keeps it out of the legend. */
    public void addLine(String key, String legend, Look look) {
        Line line = lines.get(key);
        if (line == null) {
            line = new Line(legend == null ? key : legend);
            lines.put(key, line);
            dataset.addSeries(line.shown);
        }
        line.look = look;
        int index = dataset.indexOf(line.shown);
        style(index, look);
        renderer.setSeriesVisibleInLegend(index, legend != null);
        dirty = true;
    }

    private void style(int index, Look look) {
        float width = ChartTheme.active().lineWidth(look.width());
        renderer.setSeriesPaint(index, look.paint().get());
        renderer.setSeriesStroke(index, look.dashed() ? dashed(width) : solid(width));
        renderer.setSeriesShapesVisible(index, look.shapes());
    }

    /** Applies the active theme to the chart and every line. */
    private void restyle() {
        ChartStyle.apply(chart);
        marks.restyle();
        for (Line line : lines.values()) {
            style(dataset.indexOf(line.shown), line.look);
        }
        dirty = true;
        refreshNow();
    }

    public boolean hasLine(String key) {
        return lines.containsKey(key);
    }

    public void append(String key, double x, double y) {
        Line line = lines.get(key);
        if (line == null) {
            throw new IllegalArgumentException("no line '" + key + "'");
        }
        line.data.add(x, y);
        dirty = true;
    }

    /** The full history of a line (for tests and recomputation), or null. */
    public GrowingSeries data(String key) {
        Line line = lines.get(key);
        return line == null ? null : line.data;
    }

    /** Removes every line whose key starts with the prefix (e.g. one run's lines). */
    public void removeLines(String keyPrefix) {
        List<String> gone = new ArrayList<>();
        for (String k : lines.keySet()) {
            if (k.startsWith(keyPrefix)) {
                gone.add(k);
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        // Renderer styles are per index: drop everything and re-add the survivors in order.
        List<Map.Entry<String, Line>> keep = new ArrayList<>();
        List<Object[]> styles = new ArrayList<>();
        for (Map.Entry<String, Line> e : lines.entrySet()) {
            int i = dataset.indexOf(e.getValue().shown);
            if (!gone.contains(e.getKey())) {
                keep.add(e);
                styles.add(new Object[] {renderer.getSeriesPaint(i), renderer.getSeriesStroke(i),
                    renderer.getSeriesShapesVisible(i), renderer.isSeriesVisibleInLegend(i)});
            }
        }
        chart.setNotify(false);
        dataset.removeAllSeries();
        lines.clear();
        for (int k = 0; k < keep.size(); k++) {
            Map.Entry<String, Line> e = keep.get(k);
            lines.put(e.getKey(), e.getValue());
            dataset.addSeries(e.getValue().shown);
            Object[] s = styles.get(k);
            renderer.setSeriesPaint(k, (Paint) s[0]);
            renderer.setSeriesStroke(k, (Stroke) s[1]);
            renderer.setSeriesShapesVisible(k, Boolean.TRUE.equals(s[2]));
            renderer.setSeriesVisibleInLegend(k, Boolean.TRUE.equals(s[3]));
        }
        chart.setNotify(true);
        dirty = true;
    }

    public void clear() {
        chart.setNotify(false);
        dataset.removeAllSeries();
        lines.clear();
        chart.setNotify(true);
    }

    /** Switches the value axis between linear and logarithmic (log needs positive values). */
    public void setLogScale(boolean log) {
        ValueAxis axis = log ? logAxis(rangeLabel) : linearAxis(rangeLabel);
        if (axis instanceof NumberAxis y && plainDigits > 0) {
            y.setNumberFormatOverride(new PlainNumbers(plainDigits));
        }
        if (axis instanceof NumberAxis y && fromZero) {
            y.setAutoRangeIncludesZero(true);
        }
        plot.setRangeAxis(axis);
        dirty = true;
    }

    public boolean isLogScale() {
        return plot.getRangeAxis() instanceof LogAxis;
    }

    public void setNoDataMessage(String message) {
        plot.setNoDataMessage(message);
    }

    /** Points the chart holds now (after decimation) for a line; for tests. */
    public int shownPoints(String key) {
        Line line = lines.get(key);
        return line == null ? 0 : line.shown.getItemCount();
    }

    /**
     * Rebuilds the decimated copies if anything changed and enough time has
     * passed; call once per frame from the FX thread.
     */
    public void refresh(long nowNanos) {
        if (!dirty || nowNanos - lastRedraw < REDRAW_INTERVAL_NANOS) {
            return;
        }
        refreshNow();
        lastRedraw = nowNanos;
    }

    /** Rebuilds the decimated copies now. */
    public void refreshNow() {
        dirty = false;
        int columns = Math.max(100, (int) Math.ceil(viewer.getWidth()));
        chart.setNotify(false);
        for (Line line : lines.values()) {
            MinMaxDecimator.Points p = MinMaxDecimator.decimate(line.data, columns);
            line.shown.setNotify(false);
            line.shown.clear();
            for (int i = 0; i < p.size(); i++) {
                if (Double.isFinite(p.y()[i])) {
                    line.shown.add(p.x()[i], p.y()[i], false);
                }
            }
            line.shown.setNotify(true);
        }
        chart.setNotify(true);
    }

    /**
     * Makes the linear value axis reach down to zero: a rate that is constant, or
     * decays towards zero, then reads against a scale of distinct ticks (a flat
     * line alone gave an axis of ticks that all read 0.05).
     */
    protected void valueAxisFromZero() {
        fromZero = true;
        if (plot.getRangeAxis() instanceof NumberAxis y) {
            y.setAutoRangeIncludesZero(true);
        }
    }

    /**
     * Writes the value axis's numbers with {@code significantDigits} digits and no
     * exponent (a linear axis; a log axis keeps its own labels).
     */
    protected void plainValueNumbers(int significantDigits) {
        plainDigits = significantDigits;
        if (plot.getRangeAxis() instanceof NumberAxis y) {
            y.setNumberFormatOverride(new PlainNumbers(significantDigits));
        }
    }

    private static NumberAxis linearAxis(String label) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        ChartStyle.axis(y);
        return y;
    }

    private static LogAxis logAxis(String label) {
        LogAxis y = new LogAxis(label);
        y.setSmallestValue(1e-8);
        y.setAutoRange(true);
        ChartStyle.axis(y);
        return y;
    }

    /** A solid line of the given width. */
    public static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line of the given width. */
    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    /** Chart looks shared by all the lab's charts: white, light grid, legend below. */
    static final class ChartStyle {

        private ChartStyle() {
        }

        /** The active theme's look: white, a light grid, the legend below. */
        static void apply(JFreeChart chart) {
            ChartTheme theme = ChartTheme.active();
            chart.setBackgroundPaint(Color.WHITE);
            chart.setAntiAlias(true);
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(theme.gridColour());
            plot.setRangeGridlinePaint(theme.gridColour());
            plot.setOutlinePaint(theme.gridColour().darker());
            plot.setNoDataMessageFont(theme.labelFont());
            plot.setNoDataMessagePaint(theme.textColour());
            axis(plot.getDomainAxis());
            axis(plot.getRangeAxis());
            LegendTitle legend = chart.getLegend();
            if (legend != null) {
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setItemFont(theme.tickFont());
                legend.setItemPaint(theme.textColour());
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
                legend.setBackgroundPaint(Color.WHITE);
            }
        }

        static void axis(ValueAxis axis) {
            ChartTheme theme = ChartTheme.active();
            axis.setTickLabelFont(theme.tickFont());
            axis.setLabelFont(theme.labelFont());
            axis.setLabelPaint(theme.textColour());
            axis.setTickLabelPaint(theme.textColour());
        }
    }
}
