package org.stridelab.engine.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SpectrumToolsTest {

    @Test
    void constantImagePeaksAtTheCentre() {
        double[][] img = new double[32][30];
        for (double[] row : img) {
            java.util.Arrays.fill(row, 0.5);
        }
        double[][] s = SpectrumTools.logMagnitudeSpectrum(img);
        assertEquals(32, s.length);
        assertEquals(30, s[0].length);
        assertEquals(Math.log1p(0.5 * 32 * 30), s[16][15], 1e-9);
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 30; j++) {
                if (i != 16 || j != 15) {
                    assertEquals(0, s[i][j], 1e-9, "(" + i + ", " + j + ")");
                }
            }
        }
        // float overload, odd size: DC at (H/2, W/2) too
        float[][] f = new float[15][17];
        for (float[] row : f) {
            java.util.Arrays.fill(row, 1f);
        }
        float[][] fs = SpectrumTools.logMagnitudeSpectrum(f);
        assertEquals((float) Math.log1p(15 * 17), fs[7][8], 1e-4f);
    }

    @Test
    void cosineShowsTwoSymmetricPeaks() {
        double[][] img = new double[16][16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img[y][x] = Math.cos(2 * Math.PI * 3 * x / 16.0);
            }
        }
        double[][] s = SpectrumTools.logMagnitudeSpectrum(img);
        assertEquals(Math.log1p(128), s[8][8 + 3], 1e-9);
        assertEquals(Math.log1p(128), s[8][8 - 3], 1e-9);
        assertEquals(0, s[8][8], 1e-9);
    }

    @Test
    void diffStrideMaskIsTheOuterProductOfTheOneDimensionalMasks() {
        double[][] m = SpectrumTools.diffStrideMask(32, 24, 2.2, 1.7, 4);
        assertEquals(32, m.length);
        assertEquals(13, m[0].length);
        double[] rows = SpectralGeometry.diffStrideRows(32, 2.2, 4).mask();
        double[] cols = SpectralGeometry.diffStrideColumns(24, 1.7, 4).mask();
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 13; j++) {
                assertTrue(m[i][j] >= 0 && m[i][j] <= 1);
                assertEquals(rows[i] * cols[j], m[i][j], 0);
            }
        }
        assertEquals(1.0, m[0][0]);
        // strides below the minimum are clamped as the layer would
        double[][] stem = SpectrumTools.diffStrideMask(32, 32, 1, 1, 4);
        assertEquals(0.75 * 0.75, stem[15][16], 1e-12);
    }

    @Test
    void centredMaskLinesUpWithTheSpectrum() {
        double[][] m = SpectrumTools.fixedMask(16, 16, 2, 2);
        double[][] c = SpectrumTools.centredMask(m, 16);
        assertEquals(16, c.length);
        assertEquals(16, c[0].length);
        assertEquals(1.0, c[8][8]); // DC
        // fixed 2x2 keeps row frequencies -4..3 and column frequencies -4..4 (conjugates of 0..4)
        assertEquals(1.0, c[8 - 4][8 + 4]);
        assertEquals(1.0, c[8 + 3][8 - 4]);
        assertEquals(0.0, c[8 + 4][8]);
        assertEquals(0.0, c[8][8 + 5]);
        double total = 0;
        for (double[] row : c) {
            for (double v : row) {
                total += v;
            }
        }
        assertEquals(8 * 9, total, 0);
    }

    @Test
    void cropSizes() {
        float[][][] img = randomImage(32, 32);
        CropResult strided = SpectrumTools.stridedCrop(img, 2, 2);
        CropResult spectral = SpectrumTools.spectralPoolingCrop(img, 2, 2);
        CropResult learned = SpectrumTools.diffStrideCrop(img, 2, 2, 4);
        assertEquals(16, strided.height());
        assertEquals(16, spectral.height());
        assertEquals(16, spectral.width());
        assertEquals(24, learned.height());
        assertEquals(24, learned.width());
        assertEquals(3, learned.image().length);
        assertEquals(24, learned.image()[0].length);
        assertEquals(24, learned.image()[0][0].length);
        // real strides: strided subsampling rounds, spectral pooling does not
        CropResult s3 = SpectrumTools.stridedCrop(img, 2.6, 1.2);
        assertEquals(11, s3.height()); // ceil(32/3)
        assertEquals(32, s3.width());
        assertEquals(3.0, s3.strideHeight());
        assertEquals(img[1][3][5], s3.image()[1][1][5]);
        CropResult p3 = SpectrumTools.spectralPoolingCrop(img, 2.6, 1.2);
        assertEquals(12, p3.height());
        assertEquals(26, p3.width());
    }

    @Test
    void cropsOfAConstantImageAreConstant() {
        float[][][] img = new float[3][20][20];
        for (int c = 0; c < 3; c++) {
            for (float[] row : img[c]) {
                java.util.Arrays.fill(row, 0.2f * (c + 1));
            }
        }
        for (CropResult r : new CropResult[] {SpectrumTools.spectralPoolingCrop(img, 3, 2),
            SpectrumTools.diffStrideCrop(img, 3, 2, 4)}) {
            for (int c = 0; c < 3; c++) {
                for (float[] row : r.image()[c]) {
                    for (float v : row) {
                        assertEquals(0.2f * (c + 1), v, 1e-6f);
                    }
                }
            }
        }
    }

    @Test
    void cropsAgreeWithTheLayers() {
        float[][][] img = randomImage(24, 20);
        INDArray x = Nd4j.create(DataType.DOUBLE, 1, 3, 24, 20);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 24; i++) {
                for (int j = 0; j < 20; j++) {
                    x.putScalar(new long[] {0, c, i, j}, img[c][i][j]);
                }
            }
        }
        INDArray fixed = new SpectralPooling(2.5, 1.5).newBranch().forward(x, false);
        INDArray learned = new DiffStride("d", 3.1, 1.4).newBranch().forward(x, false);
        CropResult a = SpectrumTools.spectralPoolingCrop(img, 2.5, 1.5);
        CropResult b = SpectrumTools.diffStrideCrop(img, 3.1, 1.4, 4);
        for (int c = 0; c < 3; c++) {
            assertTrue(ReferenceSpectral.maxAbsDiff(Arrays4.channel(fixed, 0, c), SpectrumTools.toDouble(a.image()[c]))
                < 1e-6);
            assertTrue(ReferenceSpectral.maxAbsDiff(Arrays4.channel(learned, 0, c),
                SpectrumTools.toDouble(b.image()[c])) < 1e-6);
        }
    }

    private static float[][][] randomImage(int h, int w) {
        Random rnd = new Random(3);
        float[][][] img = new float[3][h][w];
        for (float[][] ch : img) {
            for (float[] row : ch) {
                for (int j = 0; j < w; j++) {
                    row[j] = rnd.nextFloat();
                }
            }
        }
        return img;
    }
}
