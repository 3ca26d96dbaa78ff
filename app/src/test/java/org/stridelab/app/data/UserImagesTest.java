package org.stridelab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserImagesTest {

    @Test
    void cutsTheCentralSquareAndAveragesAreas() {
        // 128x64: left and right quarters red (cut away), centre square left half white, right half black
        int w = 128;
        int h = 64;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = x < 32 || x >= 96 ? 0xffff0000 : x < 64 ? 0xffffffff : 0xff000000;
            }
        }
        float[][][] img = UserImages.centreSquare(argb, w, h, 32);
        assertEquals(1f, img[1][10][3], 1e-6); // white: green channel 1 (no red border leaked in)
        assertEquals(0f, img[0][10][30], 1e-6); // black
        assertEquals(32, img[0].length);
        assertEquals(32, img[0][0].length);
    }

    @Test
    void averagesWhenShrinkingByNonIntegerFactors() {
        int w = 48;
        int[] argb = new int[w * w];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (i % 2 == 0) ? 0xffffffff : 0xff000000; // fine vertical stripes
        }
        float[][][] img = UserImages.centreSquare(argb, w, w, 32);
        for (float[] row : img[0]) {
            for (float v : row) {
                assertEquals(0.5f, v, 0.26f); // never pure black or white: areas were averaged
            }
        }
    }
}
