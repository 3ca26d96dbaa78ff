package org.stridelab.engine.data;

/**
 * Renders one generated image: a class pattern from {@link PatternPainter},
 * coloured with a random foreground and background colour, plus a little noise.
 *
 * <p>Colours are drawn independently of the class (only a minimum distance
 * between the two, so the pattern stays visible), so colour alone does not give
 * the class away.
 */
final class PatternImages {

    /** Minimum RGB distance between foreground and background (of at most sqrt(3)). */
    private static final double MIN_CONTRAST = 0.45;

    private PatternImages() {
    }

    /** Writes the 3,072 bytes of an image of class {@code cls} into {@code dst[offset..]}. */
    static void render(int cls, long imageSeed, float[] scratch, byte[] dst, int offset) {
        SplitMix rng = new SplitMix(imageSeed);
        PatternPainter.paint(cls, rng, scratch);
        double[] fg = new double[3];
        double[] bg = new double[3];
        do {
            for (int c = 0; c < 3; c++) {
                fg[c] = rng.nextDouble();
                bg[c] = rng.nextDouble();
            }
        } while (distance(fg, bg) < MIN_CONTRAST);
        // Triangular noise (sum of two uniforms), amplitude varying per image; sd about 0.4 * amplitude.
        double noise = rng.uniform(0.03, 0.12);
        int plane = LabeledImages.PLANE;
        for (int c = 0; c < 3; c++) {
            double base = bg[c];
            double span = fg[c] - bg[c];
            int at = offset + c * plane;
            for (int k = 0; k < plane; k++) {
                double v = base + span * scratch[k] + noise * (rng.nextDouble() + rng.nextDouble() - 1);
                int b = (int) Math.round(v * 255);
                dst[at + k] = (byte) (b < 0 ? 0 : Math.min(b, 255));
            }
        }
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return Math.sqrt(s);
    }
}
