package org.stridelab.visualisations.compare;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.StringJoiner;
import org.stridelab.engine.experiment.PublishedResults;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * How the comparison table writes its numbers. Missing values (a cell not
 * finished, a strided network with no learned strides) become a dash, never
 * a misleading 0.
 */
public final class GridTableText {
    public static final String NONE = "\u2014";

    private GridTableText() {
    }

    /** e.g. "2,795,306", or a dash for -1 (no finished seed). */
    public static String parameters(long count) {
        return count < 0 ? NONE : String.format(Locale.ROOT, "%,d", count);
    }

    /** Millions of multiply-adds per image, e.g. "35.2 M". */
    public static String multiplyAdds(long count) {
        return count < 0 ? NONE : String.format(Locale.ROOT, "%.1f M", count / 1e6);
    }

    public static String secondsPerEpoch(double seconds) {
        return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f s", seconds) : NONE;
    }

    /** Per layer "Sh×Sw", e.g. "stage2 2.50×2.41 · stage3 1.98×2.02"; a dash when nothing was learned. */
    public static String strides(Map<String, double[]> strides) {
        if (strides == null || strides.isEmpty()) {
            return NONE;
        }
        StringJoiner j = new StringJoiner("  \u00b7  ");
        strides.forEach((layer, s) -> j.add(String.format(Locale.ROOT, "%s %.2f\u00d7%.2f", layer, s[0], s[1])));
        return j.toString();
    }

    /** The paper's test accuracy in % for a method at an initialisation, or empty if it reports none. */
    public static OptionalDouble published(DownsamplingMethod method, double[] strides) {
        return PublishedResults.accuracy(method, strides);
    }

    public static String published(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : NONE;
    }
}
