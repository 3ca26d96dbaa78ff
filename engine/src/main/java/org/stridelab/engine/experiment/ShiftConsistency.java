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
    /**
     * Images per forward pass, shifted copies included: what {@code Evaluator} uses at least, so memory use is
     * as in validation.
     */
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
     * @param batchSize images per forward pass: each image goes in with all its shifted copies, so a pass
     *                  holds batchSize / (1 + 4 * distances) originals (fewer passes: each has a fixed cost)
     */
    public static ShiftConsistencyResult measure(ImageClassifier classifier, LabeledImages images, ShiftMode mode,
            int[] distances, int batchSize) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("the shift probe needs at least one image");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        // Copy 0 of every image is the unshifted one; then the shifts of each distance in order.
        List<int[]> shifts = new ArrayList<>();
        List<Integer> distanceOf = new ArrayList<>();
        shifts.add(new int[]{0, 0});
        distanceOf.add(-1);
        for (int i = 0; i < distances.length; i++) {
            for (int[] shift : shifts(distances[i])) {
                shifts.add(shift);
                distanceOf.add(i);
            }
        }
        int copies = shifts.size();
        int perPass = Math.max(1, batchSize / copies);
        long[] same = new long[distances.length];
        long[] pairs = new long[distances.length];
        long correct = 0;
        int n = images.size();
        for (int from = 0; from < n; from += perPass) {
            int count = Math.min(perPass, n - from);
            float[] buffer = new float[count * copies * LabeledImages.IMAGE_BYTES];
            for (int k = 0; k < count; k++) {
                for (int c = 0; c < copies; c++) {
                    int[] shift = shifts.get(c);
                    write(images, from + k, shift[0], shift[1], mode, buffer, (k * copies + c)
                            * LabeledImages.IMAGE_BYTES);
                }
            }
            int[] predicted = classifier.predict(buffer, count * copies);
            for (int k = 0; k < count; k++) {
                int base = predicted[k * copies];
                if (base == images.label(from + k)) {
                    correct++;
                }
                for (int c = 1; c < copies; c++) {
                    int d = distanceOf.get(c);
                    pairs[d]++;
                    if (predicted[k * copies + c] == base) {
                        same[d]++;
                    }
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

    private static void write(LabeledImages images, int index, int dx, int dy, ShiftMode mode, float[] out,
            int at) {
        if (dx == 0 && dy == 0) {
            Normalization.normalizeImage(images.pixels(), images.offset(index), out, at);
        } else {
            ImageShifter.shift(images.pixels(), images.offset(index), dx, dy, mode, out, at);
        }
    }
}
