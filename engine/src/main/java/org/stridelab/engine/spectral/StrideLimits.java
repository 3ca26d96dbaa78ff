package org.stridelab.engine.spectral;

/**
 * The range a learned stride is kept in: {@code min <= S <= max}. Every layer
 * and setting that limits strides uses this one type, so "no limit" has one
 * meaning: {@link #NONE}, a minimum of 1 (a stride below 1 would upsample) and
 * no maximum.
 *
 * @param min smallest allowed stride, finite and {@code >= 1}
 * @param max largest allowed stride, {@code >= min}; {@code +inf} for none
 */
public record StrideLimits(double min, double max) {
    public static final StrideLimits NONE = new StrideLimits(1, Double.POSITIVE_INFINITY);

    public StrideLimits {
        if (!(min >= 1) || Double.isInfinite(min)) {
            throw new IllegalArgumentException("lower stride limit must be a finite number >= 1, got " + min);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("upper stride limit " + max + " is below the lower limit " + min);
        }
    }

    /**
     * From the run settings {@code strideMin} and {@code strideMax}, where 0
     * means no limit (the form in which users type them).
     */
    public static StrideLimits fromSettings(double strideMin, double strideMax) {
        return new StrideLimits(strideMin == 0 ? 1 : strideMin, strideMax == 0 ? Double.POSITIVE_INFINITY : strideMax);
    }

    /** {@code s} moved into the range. */
    public double clamp(double s) {
        return Math.min(Math.max(s, min), max);
    }
}
