package org.stridelab.visualisations.charts;

/**
 * One colour per run, the same in every chart, so that a run can be followed
 * from the loss curve to the accuracy and learning-rate charts. Tableau's ten
 * categorical colours: distinct on white and for most colour-vision deficiencies.
 */
public final class RunPalette {
    private static final int[] RGB = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

    private RunPalette() {
    }

    /** Colour of run {@code index} (0-based; repeats after ten). */
    public static java.awt.Color awt(int index) {
        return new java.awt.Color(RGB[Math.floorMod(index, RGB.length)]);
    }

    /** The same colour, lighter (mixed with white), for raw series under a smoothed one. */
    public static java.awt.Color awtLight(int index, double towardsWhite) {
        java.awt.Color c = awt(index);
        return new java.awt.Color(lighten(c.getRed(), towardsWhite), lighten(c.getGreen(), towardsWhite),
                lighten(c.getBlue(), towardsWhite));
    }

    /** The same colour for JavaFX nodes (legends, labels). */
    public static javafx.scene.paint.Color fx(int index) {
        int rgb = RGB[Math.floorMod(index, RGB.length)];
        return javafx.scene.paint.Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static int lighten(int channel, double f) {
        return (int) Math.round(channel + (255 - channel) * f);
    }
}
