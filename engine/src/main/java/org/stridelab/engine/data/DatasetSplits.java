package org.stridelab.engine.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Train, validation and test images for one run.
 *
 * <p>CIFAR-10 has no validation set, and choosing the model on the test set
 * would flatter it. So the official test images are split in two halves:
 * validation (for early stopping and model choice) and test (reported once).
 * The split is stratified and drawn with a fixed seed, so every run, machine and
 * version splits the same way and both halves hold equally many of each class.
 */
public record DatasetSplits(LabeledImages train, LabeledImages validation, LabeledImages test, String description) {

    /** Fixed forever: changing it would change every reported validation and test number. */
    static final long SPLIT_SEED = 0x5717_DE1A_B5EEDL;

    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
    }

    /** All training images for training; the test images halved into validation and test. */
    public static DatasetSplits of(CifarDataset dataset) {
        LabeledImages source = dataset.test();
        int[][] halves = stratifiedHalves(source);
        LabeledImages validation = source.subset(halves[0]);
        LabeledImages test = source.subset(halves[1]);
        String description = String.format("%s: %,d train, %,d validation, %,d test images", dataset.description(),
                dataset.train().size(), validation.size(), test.size());
        return new DatasetSplits(dataset.train(), validation, test, description);
    }

    /**
     * Indices of the two halves, each in ascending order. Each class's images are
     * shuffled with the fixed seed and halved; an odd class gives its extra image
     * to alternating halves, so the halves' sizes differ by at most one.
     */
    static int[][] stratifiedHalves(LabeledImages images) {
        int classes = images.numClasses();
        int[] counts = images.classCounts();
        int[][] byClass = new int[classes][];
        int[] filled = new int[classes];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < images.size(); i++) {
            int c = images.label(i);
            byClass[c][filled[c]++] = i;
        }
        Random rng = new Random(SPLIT_SEED);
        int[] first = new int[images.size()];
        int[] second = new int[images.size()];
        int nFirst = 0;
        int nSecond = 0;
        boolean extraToFirst = true;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass[c];
            int[] perm = Augmenter.permutation(members.length, rng);
            int half = members.length / 2;
            if (members.length % 2 == 1) {
                half += extraToFirst ? 1 : 0;
                extraToFirst = !extraToFirst;
            }
            for (int k = 0; k < members.length; k++) {
                if (k < half) {
                    first[nFirst++] = members[perm[k]];
                } else {
                    second[nSecond++] = members[perm[k]];
                }
            }
        }
        int[] a = Arrays.copyOf(first, nFirst);
        int[] b = Arrays.copyOf(second, nSecond);
        Arrays.sort(a);
        Arrays.sort(b);
        return new int[][] {a, b};
    }
}
