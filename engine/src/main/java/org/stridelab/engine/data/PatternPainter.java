package org.stridelab.engine.data;

/**
 * Draws the grey-level pattern (0..1 per pixel, 32x32) of each generated class.
 *
 * <p>The ten classes differ in structure at several spatial frequencies, from a
 * smooth ramp to fine dots, so that a network must look at shape and frequency,
 * not at colour (the colours are chosen afterwards, at random). Within a class,
 * frequency, orientation (within a band that does not overlap the neighbouring
 * class), phase, centre and edge sharpness are random, so no two images are alike.
 */
final class PatternPainter {

    static final int CLASSES = 10;
    private static final int SIDE = LabeledImages.SIDE;
    private static final double CENTRE = (SIDE - 1) / 2.0;
    private static final double TWO_PI = 2 * Math.PI;
    /** Orientation jitter of the stripe classes: +-10 degrees keeps 25 degrees between classes. */
    private static final double JITTER = Math.toRadians(10);

    private PatternPainter() {
    }

    /** Fills {@code out} (1024 values, row-major) with a random pattern of class {@code cls}. */
    static void paint(int cls, SplitMix rng, float[] out) {
        switch (cls) {
            case 0 -> stripes(rng, Math.PI / 2 + rng.uniform(-JITTER, JITTER), out);             // horizontal
            case 1 -> stripes(rng, rng.uniform(-JITTER, JITTER), out);                            // vertical
            case 2 -> stripes(rng, (rng.nextBoolean() ? 1 : -1) * Math.PI / 4 + rng.uniform(-JITTER, JITTER), out);
            case 3 -> checkerboard(rng, out);
            case 4 -> blobs(rng, out);
            case 5 -> rings(rng, out);
            case 6 -> dots(rng, out);
            case 7 -> spokes(rng, out);
            case 8 -> ramp(rng, out);
            case 9 -> clouds(rng, out);
            default -> throw new IllegalArgumentException("no pattern class " + cls);
        }
    }

    /** Parallel stripes whose brightness varies along {@code angle}: 1.5-5.5 cycles across the image. */
    private static void stripes(SplitMix rng, double angle, float[] out) {
        double k = TWO_PI * rng.uniform(1.5, 5.5) / SIDE;
        double phase = rng.uniform(0, TWO_PI);
        double sharp = rng.uniform(0, 3);
        double cx = Math.cos(angle) * k;
        double cy = Math.sin(angle) * k;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[y * SIDE + x] = wave(Math.sin(cx * (x - CENTRE) + cy * (y - CENTRE) + phase), sharp);
            }
        }
    }

    /** Product of two perpendicular waves: alternating squares, 1.5-4 cycles across. */
    private static void checkerboard(SplitMix rng, float[] out) {
        double angle = rng.uniform(-JITTER, JITTER);
        double k = TWO_PI * rng.uniform(1.5, 4) / SIDE;
        double p1 = rng.uniform(0, TWO_PI);
        double p2 = rng.uniform(0, TWO_PI);
        double sharp = rng.uniform(1, 4);
        double c = Math.cos(angle) * k;
        double s = Math.sin(angle) * k;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double u = x - CENTRE;
                double v = y - CENTRE;
                double value = Math.sin(c * u + s * v + p1) * Math.sin(-s * u + c * v + p2);
                out[y * SIDE + x] = wave(value, sharp);
            }
        }
    }

    /** Two to four large soft gaussian spots on a plain background. */
    private static void blobs(SplitMix rng, float[] out) {
        int count = rng.nextInt(2, 4);
        double[] bx = new double[count];
        double[] by = new double[count];
        double[] inv = new double[count];
        for (int b = 0; b < count; b++) {
            bx[b] = rng.uniform(3, SIDE - 3);
            by[b] = rng.uniform(3, SIDE - 3);
            double sigma = rng.uniform(2.5, 5.5);
            inv[b] = 1 / (2 * sigma * sigma);
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double best = 0;
                for (int b = 0; b < count; b++) {
                    double dx = x - bx[b];
                    double dy = y - by[b];
                    best = Math.max(best, Math.exp(-(dx * dx + dy * dy) * inv[b]));
                }
                out[y * SIDE + x] = (float) best;
            }
        }
    }

    /** Concentric rings around a point near the middle, 2-5 cycles per image width of radius. */
    private static void rings(SplitMix rng, float[] out) {
        double ox = CENTRE + rng.uniform(-6, 6);
        double oy = CENTRE + rng.uniform(-6, 6);
        double k = TWO_PI * rng.uniform(2, 5) / SIDE;
        double phase = rng.uniform(0, TWO_PI);
        double sharp = rng.uniform(0, 3);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double r = Math.hypot(x - ox, y - oy);
                out[y * SIDE + x] = wave(Math.sin(k * r + phase), sharp);
            }
        }
    }

    /** A fine lattice of small round dots (period 3.2-5 pixels): the highest-frequency class. */
    private static void dots(SplitMix rng, float[] out) {
        double period = rng.uniform(3.2, 5);
        double radius = period * rng.uniform(0.22, 0.32);
        double angle = rng.uniform(0, Math.PI / 2);
        double c = Math.cos(angle) / period;
        double s = Math.sin(angle) / period;
        double ou = rng.nextDouble();
        double ov = rng.nextDouble();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double u = c * x + s * y + ou;
                double v = -s * x + c * y + ov;
                double du = (u - Math.floor(u) - 0.5) * period;
                double dv = (v - Math.floor(v) - 0.5) * period;
                double d = Math.sqrt(du * du + dv * dv);
                out[y * SIDE + x] = (float) clamp01(radius + 0.5 - d); // about one pixel of soft edge
            }
        }
    }

    /** 4-9 spokes radiating from a point near the middle. */
    private static void spokes(SplitMix rng, float[] out) {
        int count = rng.nextInt(4, 9);
        double ox = CENTRE + rng.uniform(-5, 5);
        double oy = CENTRE + rng.uniform(-5, 5);
        double phase = rng.uniform(0, TWO_PI);
        double sharp = rng.uniform(1, 4);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double theta = Math.atan2(y - oy, x - ox);
                out[y * SIDE + x] = wave(Math.sin(count * theta + phase), sharp);
            }
        }
    }

    /** A linear brightness ramp in a random direction, slightly curved: the lowest-frequency class. */
    private static void ramp(SplitMix rng, float[] out) {
        double angle = rng.uniform(0, TWO_PI);
        double length = rng.uniform(20, 44);
        double gamma = rng.uniform(0.6, 1.6);
        double c = Math.cos(angle) / length;
        double s = Math.sin(angle) / length;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double t = clamp01(0.5 + c * (x - CENTRE) + s * (y - CENTRE));
                out[y * SIDE + x] = (float) Math.pow(t, gamma);
            }
        }
    }

    /** Smooth random "value noise" on a coarse 3-5 cell grid, stretched to the full range. */
    private static void clouds(SplitMix rng, float[] out) {
        int cells = rng.nextInt(3, 5);
        double[] grid = new double[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rng.nextDouble();
        }
        double scale = cells / (double) SIDE;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int y = 0; y < SIDE; y++) {
            double gy = (y + 0.5) * scale;
            int iy = Math.min((int) gy, cells - 1);
            double fy = smooth(gy - iy);
            for (int x = 0; x < SIDE; x++) {
                double gx = (x + 0.5) * scale;
                int ix = Math.min((int) gx, cells - 1);
                double fx = smooth(gx - ix);
                double top = lerp(grid[iy * (cells + 1) + ix], grid[iy * (cells + 1) + ix + 1], fx);
                double bottom = lerp(grid[(iy + 1) * (cells + 1) + ix], grid[(iy + 1) * (cells + 1) + ix + 1], fx);
                float value = (float) lerp(top, bottom, fy);
                out[y * SIDE + x] = value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        float range = Math.max(max - min, 1e-3f);
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - min) / range;
        }
    }

    /** Maps a sine value in -1..1 to 0..1; {@code sharp} &gt; 0 squares it up towards hard edges. */
    private static float wave(double s, double sharp) {
        if (sharp > 0.05) {
            s = Math.tanh(sharp * s) / Math.tanh(sharp);
        }
        return (float) (0.5 + 0.5 * s);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
