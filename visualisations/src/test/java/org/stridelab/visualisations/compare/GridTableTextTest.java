package org.stridelab.visualisations.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stridelab.engine.model.DownsamplingMethod;

class GridTableTextTest {

    @Test
    void missingValuesAreADashNotAZero() {
        assertEquals(GridTableText.NONE, GridTableText.parameters(-1));
        assertEquals(GridTableText.NONE, GridTableText.multiplyAdds(-1));
        assertEquals(GridTableText.NONE, GridTableText.secondsPerEpoch(Double.NaN));
        assertEquals(GridTableText.NONE, GridTableText.strides(Map.of()));
    }

    @Test
    void numbersAreWrittenForReading() {
        assertEquals("11,173,962", GridTableText.parameters(11_173_962));
        assertEquals("35.2 M", GridTableText.multiplyAdds(35_170_000));
        assertEquals("12.3 s", GridTableText.secondsPerEpoch(12.34));
        Map<String, double[]> strides = new LinkedHashMap<>();
        strides.put("stage2", new double[] {2.5, 2.412});
        strides.put("stage3", new double[] {1.98, 2.0});
        assertEquals("stage2 2.50\u00d72.41  \u00b7  stage3 1.98\u00d72.00", GridTableText.strides(strides));
    }

    @Test
    void thePublishedNumbersAreTheEnginesOnly() {
        assertEquals("92.5", GridTableText.published(GridTableText.published(DownsamplingMethod.DIFFSTRIDE,
                new double[] {2, 2, 2})));
        assertEquals("82.0", GridTableText.published(GridTableText.published(DownsamplingMethod.STRIDED,
                new double[] {3, 2, 3})));
        assertEquals(GridTableText.NONE, GridTableText.published(GridTableText.published(DownsamplingMethod.SPECTRAL,
                new double[] {3, 2, 3})), "the paper gives no spectral number at (3, 2, 3)");
    }
}
