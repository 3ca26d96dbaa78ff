package org.stridelab.engine.experiment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * One point of a grid: its coordinates, and the folder name derived from
 * them. The name is a pure function of the coordinates so that two machines
 * running shards of the same grid agree on it, and merged folders line up.
 */
public record GridCell(DownsamplingMethod method, double[] strides, int batchSize, double mixupAlpha, int phc,
                       long seed) {

    public GridCell {
        strides = strides.clone();
    }

    @Override
    public double[] strides() {
        return strides.clone();
    }

    /** The folder and run name, e.g. {@code diffstride_s3-2-3_b256_mix0_phc0_seed1}. */
    public String name() {
        return method.cliName() + "_s" + strideKey() + "_b" + batchSize + "_mix" + number(mixupAlpha) + "_phc" + phc
                + "_seed" + seed;
    }

    /** The stride initialisation as used in names and table keys, e.g. {@code 3-1.5-2}. */
    public String strideKey() {
        return strideKey(strides);
    }

    public static String strideKey(double[] strides) {
        StringJoiner j = new StringJoiner("-");
        for (double s : strides) {
            j.add(number(s));
        }
        return j.toString();
    }

    /** The stride initialisation as a table shows it, e.g. {@code (3, 2, 3)}. */
    public static String strideLabel(double[] strides) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (double s : strides) {
            j.add(number(s));
        }
        return j.toString();
    }

    /** The shortest decimal form without trailing zeros: 2 -> "2", 1.50 -> "1.5", 0.2 -> "0.2". */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    /** Batch size, mixup and PHC: the cells one table compares share these. */
    public Variant variant() {
        return new Variant(batchSize, mixupAlpha, phc);
    }

    /** The coordinates besides method, strides and seed; one report table per variant. */
    public record Variant(int batchSize, double mixupAlpha, int phc) {
        public String label() {
            return "batch " + batchSize + ", " + (mixupAlpha == 0 ? "no mixup" : "mixup " + number(mixupAlpha))
                    + ", " + (phc == 0 ? "ordinary convolutions" : "PHC n=" + phc);
        }

        /** A suffix for file names, e.g. {@code b256_mix0_phc0}. */
        public String key() {
            return "b" + batchSize + "_mix" + number(mixupAlpha) + "_phc" + phc;
        }
    }

    // Records compare arrays by identity; the name holds every coordinate.
    @Override
    public boolean equals(Object o) {
        return o instanceof GridCell c && c.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(strides);
    }
}
