package org.stridelab.engine.config;

import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.spectral.StrideLimits;

/**
 * How DiffStride's strides learn (ignored by the other methods).
 *
 * @param smoothness         the mask's ramp width R in frequency bins
 * @param sharedStride       one stride for both axes
 * @param strideLrMultiplier the strides' learning rate over the base rate
 * @param strideMin          lower stride limit, 0 = none (see {@link #limits()})
 * @param strideMax          upper stride limit, 0 = none
 * @param costLambda         weight of the computational-cost regulariser, 0 = off
 */
public record DiffStrideSettings(double smoothness, boolean sharedStride, double strideLrMultiplier,
                                 double strideMin, double strideMax, double costLambda) {

    /** The limits as the layers use them. */
    public StrideLimits limits() {
        return StrideLimits.fromSettings(strideMin, strideMax);
    }

    /** The layers' options. */
    public DiffStride.Options options() {
        return new DiffStride.Options(smoothness, sharedStride, strideLrMultiplier, limits());
    }
}
