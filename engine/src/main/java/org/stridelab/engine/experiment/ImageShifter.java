package org.stridelab.engine.experiment;

import java.util.Arrays;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.data.Normalization;

/** Translates raw images by whole pixels and normalises them, as the network sees them. */
public final class ImageShifter {
    private static final int SIDE = LabeledImages.SIDE;
    private static final int PLANE = LabeledImages.PLANE;

    private ImageShifter() {
    }

    /**
     * Writes one image moved {@code dx} pixels right and {@code dy} down:
     * {@code out(c, y, x) = in(c, y - dy, x - dx)}, wrapping around for
     * {@link ShiftMode#CIRCULAR}, black (the training crop's padding) where the
     * source falls outside the image for {@link ShiftMode#ZERO}.
     */
    public static void shift(byte[] pixels, int srcOffset, int dx, int dy, ShiftMode mode, float[] dst,
            int dstOffset) {
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            float black = Normalization.black(c);
            int srcPlane = srcOffset + c * PLANE;
            int dstPlane = dstOffset + c * PLANE;
            for (int y = 0; y < SIDE; y++) {
                int sy = y - dy;
                int row = dstPlane + y * SIDE;
                if (mode == ShiftMode.CIRCULAR) {
                    sy = Math.floorMod(sy, SIDE);
                } else if (sy < 0 || sy >= SIDE) {
                    Arrays.fill(dst, row, row + SIDE, black);
                    continue;
                }
                int srcRow = srcPlane + sy * SIDE;
                for (int x = 0; x < SIDE; x++) {
                    int sx = x - dx;
                    if (mode == ShiftMode.CIRCULAR) {
                        sx = Math.floorMod(sx, SIDE);
                    } else if (sx < 0 || sx >= SIDE) {
                        dst[row + x] = black;
                        continue;
                    }
                    dst[row + x] = Normalization.normalize(c, pixels[srcRow + sx]);
                }
            }
        }
    }
}
