package org.stridelab.engine.config;

/**
 * The numbers a setting accepts: an interval whose ends may be open, closed
 * or absent, and optionally 0 as well, for settings where 0 means "off" or
 * "none" (patience, stride limits, the train limit). It both checks a value
 * and says in words what it allows, for messages and help text.
 */
public record Range(double min, boolean minIncluded, double max, boolean maxIncluded, boolean zeroMeansOff) {

    /** {@code >= min}. */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false, false);
    }

    /** {@code > min}. */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false, false);
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true, false);
    }

    /** {@code (min, max]}. */
    public static Range openClosed(double min, double max) {
        return new Range(min, false, max, true, false);
    }

    /** {@code [min, max)}. */
    public static Range closedOpen(double min, double max) {
        return new Range(min, true, max, false, false);
    }

    /** This range, or 0 for "off". */
    public Range orZeroForOff() {
        return new Range(min, minIncluded, max, maxIncluded, true);
    }

    public boolean contains(double v) {
        if (zeroMeansOff && v == 0) {
            return true;
        }
        boolean aboveMin = minIncluded ? v >= min : v > min;
        boolean belowMax = Double.isInfinite(max) ? !Double.isInfinite(v) : maxIncluded ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** In words: "in (0, 10]", ">= 1", "0 (off) or >= 1". */
    public String describe() {
        String interval = Double.isInfinite(max)
                ? (minIncluded ? ">= " : "> ") + number(min)
                : "in " + (minIncluded ? "[" : "(") + number(min) + ", " + number(max) + (maxIncluded ? "]" : ")");
        return zeroMeansOff ? "0 (off) or " + interval.replaceFirst("^in ", "") : interval;
    }

    private static String number(double v) {
        return ValueType.DECIMAL.format(v);
    }
}
