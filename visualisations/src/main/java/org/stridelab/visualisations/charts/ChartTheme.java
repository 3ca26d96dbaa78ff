package org.stridelab.visualisations.charts;

import java.awt.Color;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How every chart of the lab looks: the run colours, line widths, fonts and
 * grid. {@link #HIGH_CONTRAST} is for a projector seen from the back of a
 * hall: the Okabe-Ito colours (told apart with the common colour-vision
 * deficiencies; its yellow is left out, which vanishes on white), lines
 * 1.75 times as thick, larger tick labels and a darker grid.
 *
 * <p>One theme is active at a time ({@link #activeProperty()}, FX thread);
 * charts restyle themselves, curves included, when it changes.
 */
public enum ChartTheme {
    /** Tableau's ten categorical colours on white. */
    STANDARD(new Style(new int[] {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
        0xbcbd22, 0x17becf}, 1f, 11, 12, 0xe3e3e3, 0x444444)),
    /** Okabe-Ito without yellow, thick lines, large labels. */
    HIGH_CONTRAST(new Style(new int[] {0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9, 0x000000}, 1.75f,
        15, 16, 0xb0b0b0, 0x000000));

    /**
     * @param runColours  RGB of the run colours, in order
     * @param lineScale   line widths relative to the standard theme's
     * @param tickPoints  tick-label and legend font size
     * @param labelPoints axis-label font size
     * @param grid        RGB of the grid lines
     * @param text        RGB of all chart text
     */
    private record Style(int[] runColours, float lineScale, int tickPoints, int labelPoints, int grid, int text) {
    }

    private static final ObjectProperty<ChartTheme> ACTIVE = new SimpleObjectProperty<>(STANDARD);

    private final Style style;

    ChartTheme(Style style) {
        this.style = style;
    }

    /** The theme the charts use now; set it on the FX thread. */
    public static ObjectProperty<ChartTheme> activeProperty() {
        return ACTIVE;
    }

    public static ChartTheme active() {
        return ACTIVE.get();
    }

    /** The RGB of run colour {@code index} (repeats after the palette's length). */
    int runColour(int index) {
        return style.runColours()[Math.floorMod(index, style.runColours().length)];
    }

    /** A line's width under this theme, for a width designed for {@link #STANDARD}. */
    public float lineWidth(float standardWidth) {
        return standardWidth * style.lineScale();
    }

    java.awt.Font tickFont() {
        return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, style.tickPoints());
    }

    java.awt.Font labelFont() {
        return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, style.labelPoints());
    }

    Color gridColour() {
        return new Color(style.grid());
    }

    Color textColour() {
        return new Color(style.text());
    }
}
