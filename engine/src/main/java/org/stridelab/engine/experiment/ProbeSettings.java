package org.stridelab.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How the shift-consistency probe runs after each cell.
 *
 * @param mode     how shifted-in pixels are filled (see {@link ShiftMode})
 * @param maxShift shifts of 1..maxShift pixels are probed; 0 turns the probe off
 * @param images   probe only the first N test images (0 = all): the probe costs
 *                 4 * maxShift + 1 forward passes over them
 */
public record ProbeSettings(ShiftMode mode, int maxShift, int images) {

    /** Circular shifts of 1-4 pixels on the first 1,000 test images. */
    public static ProbeSettings defaults() {
        return new ProbeSettings(ShiftMode.CIRCULAR, 4, 1000);
    }

    public boolean enabled() {
        return maxShift > 0;
    }

    /** The shift distances probed: 1..maxShift. */
    public int[] distances() {
        return IntStream.rangeClosed(1, Math.max(0, maxShift)).toArray();
    }

    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (mode == null) {
            p.add("probe.mode is missing: use circular or zero");
        }
        // Half the image: beyond that a circular shift by d equals one by 32 - d.
        if (maxShift < 0 || maxShift > 16) {
            p.add("probe.maxShift must be in 0..16 pixels (0 = no probe), got " + maxShift);
        }
        if (images < 0) {
            p.add("probe.images must be >= 0 (0 = all test images), got " + images);
        }
        return p;
    }
}
