package org.stridelab.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * Images and their labels, as raw bytes in CIFAR record layout.
 *
 * <p>Each image is {@link #IMAGE_BYTES} bytes: 1,024 red, then 1,024 green, then
 * 1,024 blue, each plane row-major 32x32 (that is CHW). Keeping the bytes as they
 * are on disk costs a quarter of the memory of floats and lets augmentation work
 * on the raw image, the way torchvision pads before it normalises.
 *
 * <p>The arrays are shared, not copied, for speed: treat them as read-only.
 */
public final class LabeledImages {

    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int PLANE = SIDE * SIDE;
    public static final int IMAGE_BYTES = CHANNELS * PLANE;

    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    /**
     * @param pixels     n * 3072 bytes, unsigned
     * @param labels     n labels, each in 0..classNames.size()-1
     * @param classNames the name of each label
     */
    public LabeledImages(byte[] pixels, byte[] labels, List<String> classNames) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(classNames);
        if ((long) labels.length * IMAGE_BYTES != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes but " + labels.length
                    + " labels need " + (long) labels.length * IMAGE_BYTES + " (" + IMAGE_BYTES + " per image)");
        }
        if (this.classNames.isEmpty() || this.classNames.size() > 256) {
            throw new IllegalArgumentException("need 1..256 class names, got " + this.classNames.size());
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " of image " + i
                        + " is outside 0.." + (this.classNames.size() - 1));
            }
        }
    }

    /** Raw pixels, n * 3072 bytes (shared, do not modify). */
    public byte[] pixels() {
        return pixels;
    }

    /** Raw labels, one unsigned byte per image (shared, do not modify). */
    public byte[] labels() {
        return labels;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** Byte offset of image {@code i} in {@link #pixels()}. */
    public int offset(int i) {
        Objects.checkIndex(i, labels.length);
        return i * IMAGE_BYTES;
    }

    /** Image {@code i} as floats in 0..1, CHW (not normalised; for display and analysis). */
    public float[] imageRgb(int i) {
        int base = offset(i);
        float[] out = new float[IMAGE_BYTES];
        for (int k = 0; k < IMAGE_BYTES; k++) {
            out[k] = (pixels[base + k] & 0xFF) / 255f;
        }
        return out;
    }

    /** A copy holding the given images, in the given order (indices may repeat). */
    public LabeledImages subset(int[] indices) {
        byte[] p = new byte[Math.multiplyExact(indices.length, IMAGE_BYTES)];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(pixels, offset(i), p, k * IMAGE_BYTES, IMAGE_BYTES);
            l[k] = labels[i];
        }
        return new LabeledImages(p, l, classNames);
    }

    /** How many images carry each label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (byte b : labels) {
            counts[b & 0xFF]++;
        }
        return counts;
    }

    /** The parts one after another; all must share the same class names. */
    public static LabeledImages concat(List<LabeledImages> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        List<String> names = parts.get(0).classNames;
        int n = 0;
        for (LabeledImages part : parts) {
            if (!part.classNames.equals(names)) {
                throw new IllegalArgumentException("class names differ: " + names + " vs " + part.classNames);
            }
            n = Math.addExact(n, part.size());
        }
        byte[] p = new byte[Math.multiplyExact(n, IMAGE_BYTES)];
        byte[] l = new byte[n];
        int at = 0;
        for (LabeledImages part : parts) {
            System.arraycopy(part.pixels, 0, p, at * IMAGE_BYTES, part.pixels.length);
            System.arraycopy(part.labels, 0, l, at, part.labels.length);
            at += part.size();
        }
        return new LabeledImages(p, l, names);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " images, " + classNames.size() + " classes]";
    }
}
