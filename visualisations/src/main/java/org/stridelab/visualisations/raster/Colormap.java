package org.stridelab.visualisations.raster;

/**
 * Maps values in 0..1 to colours for heatmaps (masks, spectra). Perceptually
 * ordered maps are used so that "brighter" always means "more": a student reading
 * a spectrum should not have to learn a rainbow legend.
 */
public enum Colormap {
    /** Dark purple to yellow (matplotlib's viridis, sampled at nine points). */
    VIRIDIS(new int[] {0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725}),
    /** Black through red to pale yellow (matplotlib's inferno, sampled at nine points): used for spectra. */
    INFERNO(new int[] {0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98c0a, 0xf9c932, 0xfcffa4}),
    /**
     * Blue through white to red (ColorBrewer's RdBu, reversed, nine points): for signed values drawn
     * symmetric around 0, so that white means 0 and the two signs read as opposite colours of equal weight.
     */
    DIVERGING(new int[] {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b}),
    /** Plain grey levels, for single channels. */
    GREY(new int[] {0x000000, 0xffffff});

    private final int[] stops;
    private final int[] table = new int[256];

    Colormap(int[] stops) {
        this.stops = stops;
        for (int i = 0; i < 256; i++) {
            table[i] = interpolate(i / 255.0);
        }
    }

    /** Opaque ARGB colour of {@code t}, clamped to 0..1 (NaN is drawn as 0). */
    public int argb(double t) {
        if (!(t > 0)) {
            return table[0];
        }
        return table[(int) Math.round(Math.min(t, 1.0) * 255)];
    }

    private int interpolate(double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min((int) pos, stops.length - 2);
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, f);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
