package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetSplitsTest {

    /** Test images whose first pixel byte encodes their index, so halves can be traced back. */
    private static LabeledImages testImages(int n) {
        byte[] pixels = new byte[n * LabeledImages.IMAGE_BYTES];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) ((i * 7) % 10);
            pixels[i * LabeledImages.IMAGE_BYTES] = (byte) i;
            pixels[i * LabeledImages.IMAGE_BYTES + 1] = (byte) (i >> 8);
        }
        return new LabeledImages(pixels, labels, CifarTestFiles.NAMES);
    }

    private static int id(LabeledImages images, int i) {
        int at = images.offset(i);
        return (images.pixels()[at] & 0xFF) | (images.pixels()[at + 1] & 0xFF) << 8;
    }

    @Test
    void halvesTheTestImagesIntoDisjointBalancedParts() {
        LabeledImages train = testImages(50);
        LabeledImages test = testImages(1000);

        DatasetSplits s = DatasetSplits.of(new CifarDataset(train, test, CifarTestFiles.NAMES, "toy"));

        assertSame(train, s.train());
        assertEquals(500, s.validation().size());
        assertEquals(500, s.test().size());
        int[] perClass = new int[10];
        Arrays.fill(perClass, 50);
        assertArrayEquals(perClass, s.validation().classCounts());
        assertArrayEquals(perClass, s.test().classCounts());
        Set<Integer> seen = new HashSet<>();
        for (LabeledImages half : new LabeledImages[] {s.validation(), s.test()}) {
            for (int i = 0; i < half.size(); i++) {
                int id = id(half, i);
                assertTrue(seen.add(id), "image " + id + " is in both halves");
                assertEquals(test.label(id), half.label(i), "label travels with its image");
            }
        }
        assertEquals(1000, seen.size());
        assertTrue(s.description().contains("500 validation"), s.description());
    }

    @Test
    void theSplitIsTheSameEveryTime() {
        LabeledImages test = testImages(300);
        int[][] a = DatasetSplits.stratifiedHalves(test);
        int[][] b = DatasetSplits.stratifiedHalves(test);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        // Not simply the first half of each class.
        assertTrue(Arrays.stream(a[0]).anyMatch(i -> i >= 150));
    }

    @Test
    void oddClassCountsGiveHalvesWithinOneImage() {
        LabeledImages test = testImages(1003);
        int[][] halves = DatasetSplits.stratifiedHalves(test);
        assertEquals(1003, halves[0].length + halves[1].length);
        assertTrue(Math.abs(halves[0].length - halves[1].length) <= 1);
        int[] a = test.subset(halves[0]).classCounts();
        int[] b = test.subset(halves[1]).classCounts();
        for (int c = 0; c < 10; c++) {
            assertTrue(Math.abs(a[c] - b[c]) <= 1, "class " + c);
        }
    }
}
