package org.stridelab.engine.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Turns raw images into normalised batches: for training with the standard
 * CIFAR augmentation, for evaluation as they are.
 *
 * <p>Training: random crop with 4-pixel zero padding, then a horizontal flip with
 * p = 0.5, then (if alpha &gt; 0) mixup with one Beta(alpha, alpha) weight per batch.
 * Padding happens on the raw image (black pixels) before normalising, exactly as
 * torchvision's {@code RandomCrop(32, padding=4)} before {@code Normalize}; the
 * padding is therefore not zero after normalisation.
 *
 * <p>Everything random comes from one {@code Random(seed)}, in a fixed order
 * (per image: crop top, crop left, flip; then the mixup weight, then the partner
 * permutation), so a batch is a pure function of its images and its seed.
 */
public final class Augmenter {

    /** Pixels of black padding on each side before the 32x32 crop. */
    public static final int PADDING = 4;
    private static final int SIDE = LabeledImages.SIDE;
    private static final int PLANE = LabeledImages.PLANE;

    private final double mixupAlpha;
    private final boolean cropAndFlip;

    /** Crop, flip and (if alpha &gt; 0) mixup. */
    public Augmenter(double mixupAlpha) {
        this(mixupAlpha, true);
    }

    /**
     * @param mixupAlpha  Beta(alpha, alpha) parameter of mixup; 0 turns mixup off
     * @param cropAndFlip false skips the random crop and flip (for ablations; mixup still follows alpha)
     */
    public Augmenter(double mixupAlpha, boolean cropAndFlip) {
        this.cropAndFlip = cropAndFlip;
        if (!(mixupAlpha >= 0) || Double.isInfinite(mixupAlpha)) {
            throw new IllegalArgumentException("mixup alpha must be 0 (off) or positive, got " + mixupAlpha);
        }
        this.mixupAlpha = mixupAlpha;
    }

    public double mixupAlpha() {
        return mixupAlpha;
    }

    public boolean cropAndFlip() {
        return cropAndFlip;
    }

    /** An augmented training batch of the given images; the same seed gives the same batch. */
    public Batch trainingBatch(LabeledImages data, int[] indices, long seed) {
        Random rng = new Random(seed);
        int n = indices.length;
        int classes = data.numClasses();
        float[] images = new float[n * LabeledImages.IMAGE_BYTES];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            if (cropAndFlip) {
                int shiftY = rng.nextInt(2 * PADDING + 1) - PADDING;
                int shiftX = rng.nextInt(2 * PADDING + 1) - PADDING;
                boolean flip = rng.nextBoolean();
                cropAndFlip(data.pixels(), data.offset(indices[k]), shiftX, shiftY, flip, images,
                        k * LabeledImages.IMAGE_BYTES);
            } else {
                Normalization.normalizeImage(data.pixels(), data.offset(indices[k]), images,
                        k * LabeledImages.IMAGE_BYTES);
            }
            labels[k] = data.label(indices[k]);
        }
        float[] targets = oneHot(labels, classes);
        if (mixupAlpha == 0 || n < 2) {
            return new Batch(images, targets, labels, n);
        }
        return mixup(images, targets, labels, classes, BetaSampler.symmetricBeta(mixupAlpha, rng), permutation(n, rng));
    }

    /** The images as they are, normalised, with one-hot targets (no randomness). */
    public static Batch evaluationBatch(LabeledImages data, int[] indices) {
        int n = indices.length;
        float[] images = new float[n * LabeledImages.IMAGE_BYTES];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            Normalization.normalizeImage(data.pixels(), data.offset(indices[k]), images, k * LabeledImages.IMAGE_BYTES);
            labels[k] = data.label(indices[k]);
        }
        return new Batch(images, oneHot(labels, data.numClasses()), labels, n);
    }

    /**
     * Writes one normalised, shifted and optionally mirrored image:
     * {@code out(c, y, x) = in(c, y + shiftY, x' + shiftX)} with {@code x' = flip ? 31 - x : x},
     * and black where that falls outside the image. A shift of (dx, dy) equals torchvision's
     * crop at (top = 4 + dy, left = 4 + dx) of the padded image, followed by the flip.
     *
     * @param shiftX horizontal shift, -4..4 for the standard crop
     * @param shiftY vertical shift, -4..4 for the standard crop
     */
    public static void cropAndFlip(byte[] pixels, int srcOffset, int shiftX, int shiftY, boolean flip,
            float[] dst, int dstOffset) {
        for (int c = 0; c < LabeledImages.CHANNELS; c++) {
            float black = Normalization.black(c);
            int srcPlane = srcOffset + c * PLANE;
            int dstPlane = dstOffset + c * PLANE;
            for (int y = 0; y < SIDE; y++) {
                int sy = y + shiftY;
                int row = dstPlane + y * SIDE;
                if (sy < 0 || sy >= SIDE) {
                    Arrays.fill(dst, row, row + SIDE, black);
                    continue;
                }
                int srcRow = srcPlane + sy * SIDE;
                for (int x = 0; x < SIDE; x++) {
                    int sx = (flip ? SIDE - 1 - x : x) + shiftX;
                    dst[row + x] = sx < 0 || sx >= SIDE ? black : Normalization.normalize(c, pixels[srcRow + sx]);
                }
            }
        }
    }

    /**
     * Mixes each example with its partner {@code partner[k]}: images and targets with the
     * same weight {@code lambda}; the hard label is the one with the larger weight.
     */
    static Batch mixup(float[] images, float[] targets, int[] labels, int classes, double lambda, int[] partner) {
        int n = labels.length;
        float a = (float) lambda;
        float b = 1f - a;
        int size = LabeledImages.IMAGE_BYTES;
        float[] mixedImages = new float[images.length];
        float[] mixedTargets = new float[targets.length];
        int[] mixedLabels = new int[n];
        for (int k = 0; k < n; k++) {
            int p = partner[k];
            for (int i = 0; i < size; i++) {
                mixedImages[k * size + i] = a * images[k * size + i] + b * images[p * size + i];
            }
            for (int j = 0; j < classes; j++) {
                mixedTargets[k * classes + j] = a * targets[k * classes + j] + b * targets[p * classes + j];
            }
            mixedLabels[k] = lambda >= 0.5 ? labels[k] : labels[p];
        }
        return new Batch(mixedImages, mixedTargets, mixedLabels, n);
    }

    static float[] oneHot(int[] labels, int classes) {
        float[] targets = new float[labels.length * classes];
        for (int k = 0; k < labels.length; k++) {
            targets[k * classes + labels[k]] = 1f;
        }
        return targets;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
