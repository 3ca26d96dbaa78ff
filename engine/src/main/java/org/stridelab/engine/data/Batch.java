package org.stridelab.engine.data;

/**
 * One batch, ready for the network: plain arrays, no ND4J, so it can be built on
 * the loader thread and handed to whichever thread trains.
 *
 * @param images  size * 3 * 32 * 32 normalised floats, NCHW
 * @param targets size * numClasses soft targets: one-hot, or with mixup the mixed one-hot rows (each sums to 1)
 * @param labels  hard labels; with mixup the label that got the larger weight (for accuracy)
 * @param size    number of images
 */
public record Batch(float[] images, float[] targets, int[] labels, int size) {

    public Batch {
        if (size < 0 || images.length != size * LabeledImages.IMAGE_BYTES || labels.length != size
                || (size > 0 && targets.length % size != 0) || (size == 0 && targets.length != 0)) {
            throw new IllegalArgumentException("inconsistent batch: size " + size + ", " + images.length
                    + " image values, " + targets.length + " target values, " + labels.length + " labels");
        }
    }

    /** Number of classes (the width of a target row). */
    public int numClasses() {
        return size == 0 ? 0 : targets.length / size;
    }
}
