package org.stridelab.engine.experiment;

import java.util.Locale;

/**
 * Mean and sample standard deviation of repeated measurements (seeds). With
 * one value the deviation is NaN: a single run says nothing about spread,
 * and a table should not print "± 0".
 */
public record Spread(double mean, double sd, int n) {

    public static Spread of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN, n);
    }

    /** e.g. "92.4" or "92.4 ± 0.3", values times {@code scale} (100 for percentages), {@code decimals} places. */
    public String format(double scale, int decimals) {
        if (n == 0) {
            return "";
        }
        String f = "%." + decimals + "f";
        String m = String.format(Locale.ROOT, f, mean * scale);
        return n > 1 ? m + " ± " + String.format(Locale.ROOT, f, sd * scale) : m;
    }
}
