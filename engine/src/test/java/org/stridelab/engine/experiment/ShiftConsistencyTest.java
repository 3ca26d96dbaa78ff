package org.stridelab.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.data.Normalization;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.ModelConfig;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.train.GeneratedSplits;

class ShiftConsistencyTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(10, 80);

    /** One image whose red channel holds 0, 1, 2, ... so that every source position can be read back. */
    private static LabeledImages ramp() {
        byte[] pixels = new byte[LabeledImages.IMAGE_BYTES];
        for (int i = 0; i < LabeledImages.PLANE; i++) {
            pixels[i] = (byte) (i % 256);
        }
        return new LabeledImages(pixels, new byte[]{0}, List.of("a", "b"));
    }

    @Test
    void shiftsMoveContentRightAndDownAndWrapOrFillBlack() {
        LabeledImages one = ramp();
        float[] out = new float[LabeledImages.IMAGE_BYTES];
        ImageShifter.shift(one.pixels(), 0, 3, 1, ShiftMode.CIRCULAR, out, 0);
        // out(y, x) = in(y - 1, x - 3), wrapping around.
        assertEquals(Normalization.normalize(0, (5 * 32 + 7) % 256), out[6 * 32 + 10], 0);
        assertEquals(Normalization.normalize(0, (31 * 32 + 29) % 256), out[0], 0);
        ImageShifter.shift(one.pixels(), 0, 3, 1, ShiftMode.ZERO, out, 0);
        assertEquals(Normalization.normalize(0, (5 * 32 + 7) % 256), out[6 * 32 + 10], 0);
        assertEquals(Normalization.black(0), out[0], 0, "uncovered row is black");
        assertEquals(Normalization.black(0), out[10 * 32 + 2], 0, "uncovered columns are black");
        ImageShifter.shift(one.pixels(), 0, -2, 0, ShiftMode.ZERO, out, 0);
        assertEquals(Normalization.normalize(0, 2), out[0], 0);
        assertEquals(Normalization.black(0), out[31], 0);
    }

    @Test
    void aShiftOfZeroKeepsEveryPredictionOfARealNetwork() {
        ResNet18 model = new ResNet18(ModelConfig.strided(0.125, 2, 2, 2));
        LabeledImages few = DATA.splits().test().subset(java.util.stream.IntStream.range(0, 24).toArray());
        int[] calls = new int[1];
        ImageClassifier network = ImageClassifier.of(model);
        ImageClassifier counted = (x, n) -> {
            calls[0]++;
            return network.predict(x, n);
        };
        ShiftConsistencyResult r = ShiftConsistency.measure(counted, few, ShiftMode.CIRCULAR,
                new int[]{0, 1, 2}, 24 * 5);
        // Each pass holds 120 / (1 + 1 + 4 + 4) = 12 images with all their shifted copies.
        assertEquals(2, calls[0], "forward passes");
        assertEquals(List.of(0, 1, 2), r.distances());
        assertEquals(1.0, r.at(0), 0, "an unshifted image must get the same class again");
        for (double c : r.consistency()) {
            assertTrue(c >= 0 && c <= 1, "consistency out of [0, 1]: " + c);
        }
        assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1);
        assertEquals(few.size(), r.images());
        assertEquals((1 + r.at(1) + r.at(2)) / 3, r.mean(), 1e-12);
    }

    @Test
    void theProbeSettingsLimitTheImagesAndDistances() {
        ResNet18 model = new ResNet18(new ModelConfig(DownsamplingMethod.DIFFSTRIDE, new double[]{2, 2, 2}, 0.125, org.stridelab.engine.spectral.DiffStride.Options.defaults(), 0, 10, 1));
        ShiftConsistencyResult r = ShiftConsistency.measure(model, DATA.splits().test(), new ProbeSettings(ShiftMode.ZERO, 2, 8));
        assertEquals(8, r.images());
        assertEquals(List.of(1, 2), r.distances());
        assertEquals(ShiftMode.ZERO, r.mode());
        r.consistency().forEach(c -> assertTrue(c >= 0 && c <= 1, "out of [0, 1]: " + c));
    }

    /**
     * Counts bright red pixels: a circular shift only permutes the pixels, so
     * this classifier is shift-invariant by construction, exactly (integer
     * counts, no rounding), and the probe must say 1.0 at every distance.
     */
    private static final ImageClassifier COUNTS_PIXELS = (x, count) -> {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            int bright = 0;
            for (int i = 0; i < LabeledImages.PLANE; i++) {
                if (x[k * LabeledImages.IMAGE_BYTES + i] > 0) {
                    bright++;
                }
            }
            out[k] = bright % 10;
        }
        return out;
    };

    @Test
    void aClassifierInvariantByConstructionIsFullyConsistentUnderCircularShifts() {
        ShiftConsistencyResult r = ShiftConsistency.measure(COUNTS_PIXELS, DATA.splits().test(), ShiftMode.CIRCULAR,
                new int[]{1, 2, 3, 4}, 32);
        r.consistency().forEach(c -> assertEquals(1.0, c, 0));
        assertEquals(1.0, r.mean(), 0);
        // The same classifier loses pixels to the black border of zero-filled shifts.
        ShiftConsistencyResult zero = ShiftConsistency.measure(COUNTS_PIXELS, DATA.splits().test(), ShiftMode.ZERO,
                new int[]{4}, 32);
        assertTrue(zero.mean() < 1, "zero fill changes the counts: " + zero.mean());
    }

    @Test
    void aClassifierThatLooksAtOnePixelIsNotShiftConsistent() {
        ImageClassifier onePixel = (x, count) -> {
            int[] out = new int[count];
            for (int k = 0; k < count; k++) {
                out[k] = x[k * LabeledImages.IMAGE_BYTES + 16 * 32 + 16] > 0 ? 1 : 0;
            }
            return out;
        };
        ShiftConsistencyResult r = ShiftConsistency.measure(onePixel, DATA.splits().test(), ShiftMode.CIRCULAR, new int[]{3}, 32);
        assertTrue(r.mean() < 1, "a probe that always says 1.0 would be useless: " + r.mean());
    }
}
