package org.stridelab.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.data.Normalization;
import org.stridelab.engine.model.ResNet18;

/**
 * The shift-consistency probe: how often a network's predicted class for a
 * test image stays the same when the image moves by a few pixels.
 *
 * <p>For each distance d it shifts every image right, left, down and up by d
 * pixels and counts the shifted predictions that equal the unshifted one.
 * Strided convolutions alias (their output depends on where the sampling grid
 * falls), spectral pooling low-passes before it resamples; the probe puts a
 * number on that difference next to accuracy. Agreement is measured against
 * the network's own unshifted prediction, not the label, so it is a property
 * of the network that does not depend on it being right.
 */
public final class ShiftConsistency {
    /** Images per forward pass; what {@code Evaluator} uses at least, so memory use is as in validation. */
    public static final int BATCH = 256;

    private ShiftConsistency() {
    }

    /** Probes a trained network (evaluation mode) as the grid's probe settings say. */
    public static ShiftConsistencyResult measure(ResNet18 model, LabeledImages images, ProbeSettings settings) {
        LabeledImages probed = settings.images() > 0 && settings.images() < images.size()
                ? images.subset(java.util.stream.IntStream.range(0, settings.images()).toArray())
                : images;
        return measure(ImageClassifier.of(model), probed, settings.mode(), settings.distances(), BATCH);
    }

    /**
     * @param distances shift distances in pixels (0 is allowed: it must give 1.0)
     */
    public static ShiftConsistencyResult measure(ImageClassifier classifier, LabeledImages images, ShiftMode mode,
            int[] distances, int batchSize) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("the shift probe needs at least one image");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        long[] same = new long[distances.length];
        long[] pairs = new long[distances.length];
        long correct = 0;
        int n = images.size();
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            float[] buffer = new float[count * LabeledImages.IMAGE_BYTES];
            fill(images, from, count, 0, 0, ShiftMode.CIRCULAR, buffer);
            int[] base = classifier.predict(buffer, count);
            for (int k = 0; k < count; k++) {
                if (base[k] == images.label(from + k)) {
                    correct++;
                }
            }
            for (int i = 0; i < distances.length; i++) {
                for (int[] shift : shifts(distances[i])) {
                    fill(images, from, count, shift[0], shift[1], mode, buffer);
                    int[] moved = classifier.predict(buffer, count);
                    for (int k = 0; k < count; k++) {
                        if (moved[k] == base[k]) {
                            same[i]++;
                        }
                    }
                    pairs[i] += count;
                }
            }
        }
        List<Integer> d = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < distances.length; i++) {
            double v = (double) same[i] / pairs[i];
            d.add(distances[i]);
            c.add(v);
            sum += v;
        }
        return new ShiftConsistencyResult(mode, n, d, c, distances.length == 0 ? Double.NaN : sum / distances.length,
                (double) correct / n);
    }

    /** Right, left, down, up by {@code d} pixels; a single no-op for d = 0. */
    static List<int[]> shifts(int d) {
        if (d == 0) {
            return List.of(new int[]{0, 0});
        }
        return List.of(new int[]{d, 0}, new int[]{-d, 0}, new int[]{0, d}, new int[]{0, -d});
    }

    private static void fill(LabeledImages images, int from, int count, int dx, int dy, ShiftMode mode,
            float[] out) {
        for (int k = 0; k < count; k++) {
            int offset = images.offset(from + k);
            if (dx == 0 && dy == 0) {
                Normalization.normalizeImage(images.pixels(), offset, out, k * LabeledImages.IMAGE_BYTES);
            } else {
                ImageShifter.shift(images.pixels(), offset, dx, dy, mode, out, k * LabeledImages.IMAGE_BYTES);
            }
        }
    }
}
