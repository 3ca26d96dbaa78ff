package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    private static LabeledImages three() {
        byte[] pixels = new byte[3 * 3072];
        for (int i = 0; i < 3; i++) {
            pixels[i * 3072] = (byte) (10 * (i + 1));       // first red pixel
            pixels[i * 3072 + 1024] = (byte) 255;            // first green pixel
        }
        return new LabeledImages(pixels, new byte[] {4, 9, 0}, CifarTestFiles.NAMES);
    }

    @Test
    void accessorsSubsetAndConcat() {
        LabeledImages images = three();
        assertEquals(3, images.size());
        assertEquals(9, images.label(1));
        float[] rgb = images.imageRgb(1);
        assertEquals(3072, rgb.length);
        assertEquals(20 / 255f, rgb[0], 1e-7f);
        assertEquals(1f, rgb[1024]);

        LabeledImages sub = images.subset(new int[] {2, 0, 2});
        assertArrayEquals(new byte[] {0, 4, 0}, sub.labels());
        assertEquals(30 / 255f, sub.imageRgb(0)[0], 1e-7f);

        LabeledImages both = LabeledImages.concat(List.of(images, sub));
        assertEquals(6, both.size());
        assertEquals(4, both.label(4));
        assertArrayEquals(new int[] {3, 0, 0, 0, 2, 0, 0, 0, 0, 1}, both.classCounts());
    }

    @Test
    void inconsistentInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(new byte[3071], new byte[1], CifarTestFiles.NAMES));
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(new byte[3072], new byte[] {10}, CifarTestFiles.NAMES));
    }
}
