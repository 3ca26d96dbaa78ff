package org.stridelab.engine.data;

/**
 * Per-channel standardisation with the CIFAR-10 training-set statistics the lab
 * uses everywhere, so that augmentation, evaluation and the app's image views
 * agree: {@code (value/255 - mean[c]) / std[c]}.
 */
public final class Normalization {

    /** Channel means of the CIFAR-10 training set (R, G, B), in 0..1. */
    public static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
    /** Channel standard deviations of the CIFAR-10 training set (R, G, B), in 0..1. */
    public static final float[] STD = {0.2470f, 0.2435f, 0.2616f};

    /** Normalised value of every byte, per channel: the inner loops only look up. */
    private static final float[][] TABLE = new float[LabeledImages.CHANNELS][256];

    static {
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            for (int v = 0; v < 256; v++) {
                TABLE[c][v] = (v / 255f - MEAN[c]) / STD[c];
            }
        }
    }

    private Normalization() {
    }

    /** The normalised value of raw byte {@code value} (0..255) in channel {@code channel}. */
    public static float normalize(int channel, int value) {
        return TABLE[channel][value & 0xFF];
    }

    /** What a black (zero) raw pixel becomes in each channel; padding looks like this after normalising. */
    public static float black(int channel) {
        return TABLE[channel][0];
    }

    /** A 0..1 CHW image (3*32*32 floats), normalised into a new array. */
    public static float[] normalize(float[] rgbChw) {
        checkLength(rgbChw.length);
        float[] out = new float[rgbChw.length];
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            int base = c * LabeledImages.PLANE;
            for (int k = 0; k < LabeledImages.PLANE; k++) {
                out[base + k] = (rgbChw[base + k] - MEAN[c]) / STD[c];
            }
        }
        return out;
    }

    /** Undoes {@link #normalize(float[])}: back to 0..1 CHW (not clamped), e.g. to show an augmented image. */
    public static float[] denormalize(float[] normalizedChw) {
        checkLength(normalizedChw.length);
        float[] out = new float[normalizedChw.length];
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            int base = c * LabeledImages.PLANE;
            for (int k = 0; k < LabeledImages.PLANE; k++) {
                out[base + k] = normalizedChw[base + k] * STD[c] + MEAN[c];
            }
        }
        return out;
    }

    /** Normalises one raw image (3072 bytes from {@code src[srcOffset]}) into {@code dst[dstOffset..]}. */
    public static void normalizeImage(byte[] src, int srcOffset, float[] dst, int dstOffset) {
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            float[] table = TABLE[c];
            int s = srcOffset + c * LabeledImages.PLANE;
            int d = dstOffset + c * LabeledImages.PLANE;
            for (int k = 0; k < LabeledImages.PLANE; k++) {
                dst[d + k] = table[src[s + k] & 0xFF];
            }
        }
    }

    private static void checkLength(int length) {
        if (length != LabeledImages.IMAGE_BYTES) {
            throw new IllegalArgumentException("expected one 3x32x32 image (" + LabeledImages.IMAGE_BYTES
                    + " values), got " + length);
        }
    }
}
