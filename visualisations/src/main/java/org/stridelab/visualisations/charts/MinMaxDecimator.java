package org.stridelab.visualisations.charts;

/**
 * Reduces a long series to at most two points per pixel column: the minimum
 * and the maximum of the points falling into that column, in their original
 * order. A line through them looks exactly like a line through every point at
 * that resolution (spikes survive, unlike with averaging or every-n-th sampling),
 * at a cost bounded by the chart's width instead of the run's length.
 */
public final class MinMaxDecimator {

    private MinMaxDecimator() {
    }

    /** Points kept, as parallel arrays. */
    public record Points(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    /**
     * @param series  points with non-decreasing x
     * @param columns pixel columns the x range is drawn on (at least 1)
     */
    public static Points decimate(GrowingSeries series, int columns) {
        int n = series.size();
        if (n <= 2L * Math.max(columns, 1)) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = series.x(i);
                y[i] = series.y(i);
            }
            return new Points(x, y);
        }
        double x0 = series.x(0);
        double span = series.x(n - 1) - x0;
        double[] outX = new double[2 * columns + 2];
        double[] outY = new double[2 * columns + 2];
        int out = 0;
        int i = 0;
        while (i < n) {
            int column = bucket(series.x(i), x0, span, columns);
            int minAt = i;
            int maxAt = i;
            int j = i + 1;
            while (j < n && bucket(series.x(j), x0, span, columns) == column) {
                if (less(series.y(j), series.y(minAt))) {
                    minAt = j;
                }
                if (greater(series.y(j), series.y(maxAt))) {
                    maxAt = j;
                }
                j++;
            }
            int first = Math.min(minAt, maxAt);
            int second = Math.max(minAt, maxAt);
            if (out + 2 > outX.length) {
                outX = java.util.Arrays.copyOf(outX, outX.length * 2);
                outY = java.util.Arrays.copyOf(outY, outY.length * 2);
            }
            outX[out] = series.x(first);
            outY[out++] = series.y(first);
            if (second != first) {
                outX[out] = series.x(second);
                outY[out++] = series.y(second);
            }
            i = j;
        }
        return new Points(java.util.Arrays.copyOf(outX, out), java.util.Arrays.copyOf(outY, out));
    }

    private static int bucket(double x, double x0, double span, int columns) {
        if (span <= 0) {
            return 0;
        }
        return Math.min(columns - 1, (int) ((x - x0) / span * columns));
    }

    /** NaN never wins, so a diverged step does not hide the rest of its column. */
    private static boolean less(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
    }

    private static boolean greater(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }
}
