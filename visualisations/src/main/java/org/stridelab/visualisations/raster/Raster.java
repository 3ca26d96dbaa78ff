package org.stridelab.visualisations.raster;

/**
 * A small picture as opaque ARGB pixels, row-major. Views build rasters from
 * plain arrays (images, masks, spectra) and hand them to a {@link RasterView},
 * which only scales them up: the numbers stay in one place.
 */
public record Raster(int width, int height, int[] argb) {

    public Raster {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " raster needs " + width * height
                    + " pixels, got " + argb.length);
        }
    }

    /**
     * An RGB image given as channels {@code [3][H][W]} with values in 0..1
     * (clamped: spectral crops ring slightly outside the input's range).
     * A single channel is drawn in grey.
     */
    public static Raster ofChannels(float[][][] chw) {
        int h = chw[0].length;
        int w = chw[0][0].length;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = level(chw[0][y][x]);
                int g = chw.length >= 3 ? level(chw[1][y][x]) : r;
                int b = chw.length >= 3 ? level(chw[2][y][x]) : r;
                px[y * w + x] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new Raster(w, h, px);
    }

    /** A CIFAR-layout image (3 planes of {@code side x side}, 0..1) as a raster. */
    public static Raster ofPlanes(float[] rgb, int side) {
        int plane = side * side;
        int[] px = new int[plane];
        for (int k = 0; k < plane; k++) {
            px[k] = 0xff000000 | (level(rgb[k]) << 16) | (level(rgb[plane + k]) << 8) | level(rgb[2 * plane + k]);
        }
        return new Raster(side, side, px);
    }

    /** Values through a colour map, scaled so that {@code lo} is the map's start and {@code hi} its end. */
    public static Raster ofValues(double[][] values, double lo, double hi, Colormap map) {
        int h = values.length;
        int w = values[0].length;
        double span = hi > lo ? hi - lo : 1;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = map.argb((values[y][x] - lo) / span);
            }
        }
        return new Raster(w, h, px);
    }

    /** As {@link #ofValues(double[][], double, double, Colormap)} from the values' own minimum and maximum. */
    public static Raster ofValues(double[][] values, Colormap map) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return ofValues(values, lo, hi, map);
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    private static int level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : Math.round(v * 255);
    }
}
