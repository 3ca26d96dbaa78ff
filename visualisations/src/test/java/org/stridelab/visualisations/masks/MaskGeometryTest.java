package org.stridelab.visualisations.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stridelab.engine.spectral.AxisCrop;
import org.stridelab.engine.spectral.SpectralGeometry;

class MaskGeometryTest {

    @Test
    void frequencyZeroIsTheMiddleRow() {
        assertEquals(0, MaskGeometry.fftRow(16, 32));
        assertEquals(31, MaskGeometry.fftRow(15, 32)); // frequency -1
        assertEquals(16, MaskGeometry.fftRow(0, 32)); // frequency -16 (Nyquist) on top
    }

    @Test
    void cropBoxOfFixedPoolingMatchesTheOutputSize() {
        // 32x32 at stride 2: 16 rows kept (8 positive incl. 0, 8 negative), 9 columns (0..8)
        AxisCrop rows = SpectralGeometry.fixedRows(32, 2);
        AxisCrop cols = SpectralGeometry.fixedColumns(32, 2);
        MaskGeometry.CropBox box = MaskGeometry.cropBox(rows.maskAsFloats(), cols.maskAsFloats());
        assertEquals(16, box.rows());
        assertEquals(rows.outputSize(), box.rows());
        assertEquals(8, box.right());
        assertEquals(8, box.top()); // rows of frequencies -8..7 sit at display rows 8..23
        assertEquals(23, box.bottom());
    }

    @Test
    void cropBoxOfDiffStrideCoversTheRampAndMatchesItsSize() {
        double sh = SpectralGeometry.clampStride(32, 2, 4);
        AxisCrop rows = SpectralGeometry.diffStrideRows(32, sh, 4);
        AxisCrop cols = SpectralGeometry.diffStrideColumns(32, sh, 4);
        MaskGeometry.CropBox box = MaskGeometry.cropBox(rows.maskAsFloats(), cols.maskAsFloats());
        assertEquals(24, box.rows()); // the documented 24x24 of DiffStride at (2, 2), R = 4
        assertEquals(24, 2 * box.right());
        double[][] m = MaskGeometry.centredRows(rows.maskAsFloats(), cols.maskAsFloats());
        assertEquals(1.0, m[16][0], 1e-6); // DC passes
        assertEquals(0.0, m[0][16], 1e-6); // the highest frequencies do not
    }
}
