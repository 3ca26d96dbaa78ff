package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int S = LabeledImages.SIDE;
    private static final int P = LabeledImages.PLANE;

    private static LabeledImages randomImages(int n, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[n * LabeledImages.IMAGE_BYTES];
        rng.nextBytes(pixels);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        return new LabeledImages(pixels, labels, CifarTestFiles.NAMES);
    }

    private static float raw(LabeledImages images, int i, int c, int y, int x) {
        return Normalization.normalize(c, images.pixels()[images.offset(i) + c * P + y * S + x]);
    }

    @Test
    void aFlipMirrorsEachRowExactly() {
        LabeledImages images = randomImages(1, 1);
        float[] out = new float[LabeledImages.IMAGE_BYTES];

        Augmenter.cropAndFlip(images.pixels(), 0, 0, 0, true, out, 0);

        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    assertEquals(raw(images, 0, c, y, S - 1 - x), out[c * P + y * S + x]);
                }
            }
        }
    }

    @Test
    void aCropShiftsTheContentAndFillsTheBorderWithBlack() {
        LabeledImages images = randomImages(1, 2);
        float[] out = new float[LabeledImages.IMAGE_BYTES];
        int dx = 3;
        int dy = -2;

        Augmenter.cropAndFlip(images.pixels(), 0, dx, dy, false, out, 0);

        for (int c = 0; c < 3; c++) {
            float black = (0f - Normalization.MEAN[c]) / Normalization.STD[c];
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    float v = out[c * P + y * S + x];
                    if (y < 2 || x >= S - 3) {
                        assertEquals(black, v, 1e-6f, "border at " + y + "," + x);
                    } else {
                        assertEquals(raw(images, 0, c, y + dy, x + dx), v);
                    }
                }
            }
        }
    }

    @Test
    void trainingBatchesAreCropsAndFlipsReproducibleFromTheSeed() {
        LabeledImages images = randomImages(16, 3);
        int[] indices = {5, 0, 15, 7, 7, 2};
        Augmenter augmenter = new Augmenter(0);

        Batch a = augmenter.trainingBatch(images, indices, 42);
        Batch b = augmenter.trainingBatch(images, indices, 42);
        Batch c = augmenter.trainingBatch(images, indices, 43);

        assertArrayEquals(a.images(), b.images());
        assertFalse(Arrays.equals(a.images(), c.images()));
        for (int k = 0; k < indices.length; k++) {
            assertEquals(images.label(indices[k]), a.labels()[k]);
            assertEquals(1f, a.targets()[k * 10 + images.label(indices[k])]);
            float[] actual = Arrays.copyOfRange(a.images(), k * 3072, (k + 1) * 3072);
            assertTrue(matchingTransform(images, indices[k], actual) != null,
                    "image " + k + " is not a 4-pixel crop/flip of its source");
        }
    }

    /** (dx, dy, flip) that turns the source into {@code actual}, or null. */
    private static int[] matchingTransform(LabeledImages images, int index, float[] actual) {
        float[] candidate = new float[LabeledImages.IMAGE_BYTES];
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                for (int flip = 0; flip < 2; flip++) {
                    Augmenter.cropAndFlip(images.pixels(), images.offset(index), dx, dy, flip == 1, candidate, 0);
                    if (Arrays.equals(candidate, actual)) {
                        return new int[] {dx, dy, flip};
                    }
                }
            }
        }
        return null;
    }

    @Test
    void overManyImagesAllShiftsAndBothFlipsOccur() {
        LabeledImages images = randomImages(400, 4);
        int[] indices = new int[400];
        Arrays.setAll(indices, i -> i);
        Batch batch = new Augmenter(0).trainingBatch(images, indices, 9);
        int flips = 0;
        boolean[][] shifts = new boolean[9][9];
        for (int k = 0; k < 400; k++) {
            int[] t = matchingTransform(images, k, Arrays.copyOfRange(batch.images(), k * 3072, (k + 1) * 3072));
            shifts[t[0] + 4][t[1] + 4] = true;
            flips += t[2];
        }
        assertTrue(flips > 150 && flips < 250, flips + " of 400 flipped");
        for (boolean[] row : shifts) {
            for (boolean seen : row) {
                assertTrue(seen);
            }
        }
    }

    @Test
    void mixupMixesImagesAndTargetsWithTheSameWeight() {
        LabeledImages images = randomImages(32, 5);
        int[] indices = new int[32];
        Arrays.setAll(indices, i -> i);
        long seed = 11;

        // Crop and flip draw first, so alpha 0 with the same seed gives the unmixed images.
        Batch plain = new Augmenter(0).trainingBatch(images, indices, seed);
        Batch mixed = new Augmenter(1.0).trainingBatch(images, indices, seed);

        float lambda = Float.NaN;
        for (int k = 0; k < 32; k++) {
            float sum = 0;
            int nonZero = 0;
            for (int j = 0; j < 10; j++) {
                float t = mixed.targets()[k * 10 + j];
                assertTrue(t >= 0 && t <= 1);
                sum += t;
                nonZero += t > 0 ? 1 : 0;
            }
            assertEquals(1f, sum, 1e-6f, "row " + k);
            assertTrue(nonZero <= 2);
            float own = mixed.targets()[k * 10 + plain.labels()[k]];
            if (own < 1f) {
                lambda = own; // the same weight on every row
            }
        }
        assertFalse(Float.isNaN(lambda), "some example was mixed with another class");
        for (int k = 0; k < 32; k++) {
            float own = mixed.targets()[k * 10 + plain.labels()[k]];
            assertTrue(own == 1f || Math.abs(own - lambda) < 1e-6, "row " + k + " uses another weight");
            int partner = findPartner(plain, mixed, k, lambda);
            assertTrue(partner >= 0, "image " + k + " is not lambda*x + (1-lambda)*partner");
            int expectedLabel = lambda >= 0.5 ? plain.labels()[k] : plain.labels()[partner];
            assertEquals(expectedLabel, mixed.labels()[k]);
        }
    }

    private static int findPartner(Batch plain, Batch mixed, int k, float lambda) {
        for (int j = 0; j < plain.size(); j++) {
            boolean match = true;
            for (int i = 0; i < 3072 && match; i++) {
                float expected = lambda * plain.images()[k * 3072 + i] + (1 - lambda) * plain.images()[j * 3072 + i];
                match = Math.abs(expected - mixed.images()[k * 3072 + i]) < 1e-4;
            }
            if (match) {
                return j;
            }
        }
        return -1;
    }

    @Test
    void mixupWithAKnownWeightAndPartner() {
        float[] images = new float[2 * 3072];
        Arrays.fill(images, 0, 3072, 1f);
        Arrays.fill(images, 3072, 6144, -1f);
        float[] targets = Augmenter.oneHot(new int[] {2, 7}, 10);

        Batch b = Augmenter.mixup(images, targets, new int[] {2, 7}, 10, 0.75, new int[] {1, 0});

        assertEquals(0.5f, b.images()[0], 1e-6f);
        assertEquals(-0.5f, b.images()[3072], 1e-6f);
        assertEquals(0.75f, b.targets()[2], 1e-6f);
        assertEquals(0.25f, b.targets()[7], 1e-6f);
        assertEquals(0.25f, b.targets()[10 + 2], 1e-6f);
        assertEquals(0.75f, b.targets()[10 + 7], 1e-6f);
        assertArrayEquals(new int[] {2, 7}, b.labels());
    }

    @Test
    void evaluationBatchesAreOnlyNormalised() {
        LabeledImages images = randomImages(3, 6);
        Batch b = Augmenter.evaluationBatch(images, new int[] {2, 1});

        assertEquals(2, b.size());
        assertArrayEquals(new int[] {2, 1}, b.labels());
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < P; k++) {
                int v = images.pixels()[images.offset(2) + c * P + k] & 0xFF;
                assertEquals((v / 255f - Normalization.MEAN[c]) / Normalization.STD[c], b.images()[c * P + k], 1e-5f);
            }
        }
        assertEquals(1f, b.targets()[2]);
        assertEquals(1f, b.targets()[10 + 1]);
    }

    @Test
    void normalizationRoundTripsAndBetaHasTheRightMoments() {
        LabeledImages images = randomImages(1, 7);
        float[] rgb = images.imageRgb(0);
        float[] back = Normalization.denormalize(Normalization.normalize(rgb));
        for (int k = 0; k < rgb.length; k++) {
            assertEquals(rgb[k], back[k], 1e-5f);
        }

        Random rng = new Random(1);
        for (double alpha : new double[] {0.2, 1.0, 2.0}) {
            double sum = 0;
            double sumSq = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                double x = BetaSampler.symmetricBeta(alpha, rng);
                assertTrue(x >= 0 && x <= 1);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double variance = sumSq / n - mean * mean;
            assertEquals(0.5, mean, 0.01, "alpha " + alpha);
            assertEquals(1 / (4 * (2 * alpha + 1)), variance, 0.01, "alpha " + alpha);
        }
    }
}
