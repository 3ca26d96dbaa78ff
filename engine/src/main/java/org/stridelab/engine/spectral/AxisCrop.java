package org.stridelab.engine.spectral;

/**
 * What a spectral pooling keeps along one axis of the rfft grid.
 *
 * <p>For rows the grid has {@code H} entries in FFT order; for columns it has
 * {@code W/2+1} (frequencies 0..W/2). The cropped spectrum holds the grid
 * entries {@link #kept()} in that order, each weighted by {@link #mask()}.
 *
 * @param inputSize      H (rows) or W (columns) of the input map
 * @param outputSize     h or w of the output map
 * @param kept           grid indices kept, in the order they appear in the cropped spectrum
 * @param mask           weight of every grid entry (0 outside the kept ones; 1 inside for fixed pooling)
 * @param maskDerivative d mask / d stride for every grid entry (all 0 for fixed pooling)
 */
public record AxisCrop(int inputSize, int outputSize, int[] kept, double[] mask, double[] maskDerivative) {

    /** Number of entries of the grid (H for rows, W/2+1 for columns). */
    public int gridSize() {
        return mask.length;
    }

    /** The mask as floats, for {@link org.stridelab.engine.spectral.PoolingState}. */
    public float[] maskAsFloats() {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = (float) mask[i];
        }
        return out;
    }
}
