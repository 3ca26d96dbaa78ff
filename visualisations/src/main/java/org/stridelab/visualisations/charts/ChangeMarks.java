package org.stridelab.visualisations.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Vertical marks on a chart's step axis where a hyper-parameter was changed
 * while the run trained, each with a short label ("lr 0.05"), so a change in
 * the curve can be read against its cause. Drawn behind the curves, dashed,
 * in the theme's text colour.
 */
public final class ChangeMarks {
    private final XYPlot plot;
    private final List<ValueMarker> marks = new ArrayList<>();

    ChangeMarks(XYPlot plot) {
        this.plot = plot;
    }

    /** Marks step {@code x} with a label. */
    public void add(double x, String label) {
        ValueMarker m = new ValueMarker(x);
        m.setLabel(label);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        style(m);
        marks.add(m);
        plot.addDomainMarker(0, m, Layer.BACKGROUND);
    }

    /** Removes every mark (a new run is followed). */
    public void clear() {
        for (ValueMarker m : marks) {
            plot.removeDomainMarker(0, m, Layer.BACKGROUND, false);
        }
        marks.clear();
        plot.getChart().fireChartChanged();
    }

    /** The marks' labels, in the order they were added (tests). */
    public List<String> labels() {
        return marks.stream().map(ValueMarker::getLabel).toList();
    }

    /** The marks' steps, in the order they were added (tests). */
    public List<Double> steps() {
        return marks.stream().map(ValueMarker::getValue).toList();
    }

    /** Applies the active theme to every mark. */
    void restyle() {
        marks.forEach(this::style);
    }

    private void style(ValueMarker m) {
        ChartTheme theme = ChartTheme.active();
        Color text = theme.textColour();
        m.setPaint(new Color(text.getRed(), text.getGreen(), text.getBlue(), 170));
        float w = theme.lineWidth(1.2f);
        m.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        m.setLabelPaint(text);
        m.setLabelFont(theme.tickFont());
    }
}
