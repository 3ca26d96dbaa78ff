package org.stridelab.visualisations.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    @Test
    void shortSeriesAreKeptWhole() {
        GrowingSeries s = series(50);
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(s, 100);
        assertEquals(50, p.size());
        assertEquals(s.y(17), p.y()[17]);
    }

    @Test
    void longSeriesKeepAtMostTwoPointsPerColumnAndEverySpike() {
        GrowingSeries s = new GrowingSeries();
        for (int i = 0; i < 100_000; i++) {
            s.add(i, Math.sin(i / 1000.0));
        }
        s.add(100_000, 0);
        // a spike in the middle and a dip: both must survive decimation
        GrowingSeries spiky = new GrowingSeries();
        for (int i = 0; i < s.size(); i++) {
            spiky.add(s.x(i), i == 43_210 ? 50 : i == 77_777 ? -50 : s.y(i));
        }
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(spiky, 400);
        assertTrue(p.size() <= 2 * 400 + 2, "points: " + p.size());
        assertTrue(p.size() >= 400, "points: " + p.size());
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            max = Math.max(max, p.y()[i]);
            min = Math.min(min, p.y()[i]);
            if (i > 0) {
                assertTrue(p.x()[i] > p.x()[i - 1], "x must stay in order");
            }
        }
        assertEquals(50, max);
        assertEquals(-50, min);
    }

    @Test
    void nanDoesNotHideItsColumn() {
        GrowingSeries s = new GrowingSeries();
        for (int i = 0; i < 1000; i++) {
            s.add(i, i == 5 ? Double.NaN : 1 + i % 3);
        }
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(s, 10);
        for (double y : p.y()) {
            assertTrue(Double.isFinite(y));
        }
    }

    private static GrowingSeries series(int n) {
        GrowingSeries s = new GrowingSeries();
        for (int i = 0; i < n; i++) {
            s.add(i, i * 0.5);
        }
        return s;
    }
}
