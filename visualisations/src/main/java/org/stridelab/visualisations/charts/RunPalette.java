package org.stridelab.visualisations.charts;

/**
 * One colour per run, the same in every chart, so that a run can be followed
 * from the loss curve to the accuracy and learning-rate charts; the colours
 * are the active {@link ChartTheme}'s.
 */
public final class RunPalette {

    private RunPalette() {
    }

    /** Colour of run {@code index} (0-based; repeats after the palette's length). */
    public static java.awt.Color awt(int index) {
        return new java.awt.Color(ChartTheme.active().runColour(index));
    }

    /** The same colour, lighter (mixed with white), for raw series under a smoothed one. */
    public static java.awt.Color awtLight(int index, double towardsWhite) {
        java.awt.Color c = awt(index);
        return new java.awt.Color(lighten(c.getRed(), towardsWhite), lighten(c.getGreen(), towardsWhite),
                lighten(c.getBlue(), towardsWhite));
    }

    /** The same colour for JavaFX nodes (legends, labels). */
    public static javafx.scene.paint.Color fx(int index) {
        int rgb = ChartTheme.active().runColour(index);
        return javafx.scene.paint.Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static int lighten(int channel, double f) {
        return (int) Math.round(channel + (255 - channel) * f);
    }
}
