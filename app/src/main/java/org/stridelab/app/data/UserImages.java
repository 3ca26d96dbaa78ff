package org.stridelab.app.data;

import java.io.File;
import java.io.IOException;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/**
 * Turns a picture file of any size (PNG, JPEG, GIF, BMP: what JavaFX reads)
 * into a 32x32 RGB image the lab can inspect: the central square is cut out
 * (so shapes are not squashed) and averaged down area by area (so the small
 * image is not already aliased before any stride is applied).
 */
public final class UserImages {
    public static final int SIDE = 32;

    private UserImages() {
    }

    /** Channels {@code [3][32][32]} in 0..1. */
    public static float[][][] load(File file) throws IOException {
        Image image = new Image(file.toURI().toString(), false);
        if (image.isError() || image.getPixelReader() == null || image.getWidth() < 1) {
            Exception e = image.getException();
            throw new IOException(file.getName() + " is not an image JavaFX can read (PNG, JPEG, GIF or BMP)"
                    + (e == null ? "" : ": " + (e.getMessage() != null ? e.getMessage()
                            : e instanceof java.io.EOFException ? "the file ends too early"
                            : e.getClass().getSimpleName())));
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return centreSquare(argb, w, h, SIDE);
    }

    /** The central square of an ARGB picture, box-averaged to {@code side x side}, as channels in 0..1. */
    public static float[][][] centreSquare(int[] argb, int w, int h, int side) {
        int square = Math.min(w, h);
        int x0 = (w - square) / 2;
        int y0 = (h - square) / 2;
        float[][][] out = new float[3][side][side];
        for (int oy = 0; oy < side; oy++) {
            double ya = (double) oy * square / side;
            double yb = (double) (oy + 1) * square / side;
            for (int ox = 0; ox < side; ox++) {
                double xa = (double) ox * square / side;
                double xb = (double) (ox + 1) * square / side;
                double r = 0;
                double g = 0;
                double b = 0;
                double area = 0;
                for (int y = (int) Math.floor(ya); y < Math.ceil(yb); y++) {
                    double wy = Math.min(yb, y + 1) - Math.max(ya, y);
                    for (int x = (int) Math.floor(xa); x < Math.ceil(xb); x++) {
                        double wx = Math.min(xb, x + 1) - Math.max(xa, x);
                        double weight = wx * wy;
                        int p = argb[(y0 + y) * w + x0 + x];
                        r += weight * ((p >> 16) & 0xff);
                        g += weight * ((p >> 8) & 0xff);
                        b += weight * (p & 0xff);
                        area += weight;
                    }
                }
                out[0][oy][ox] = (float) (r / area / 255);
                out[1][oy][ox] = (float) (g / area / 255);
                out[2][oy][ox] = (float) (b / area / 255);
            }
        }
        return out;
    }
}
