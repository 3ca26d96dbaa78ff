package org.stridelab.engine.spectral;

/**
 * An image after a downsampling, for the before/after views: channels
 * {@code [C][height][width]} (values not clipped: spectral crops may ring
 * slightly outside the input's range) and the strides actually applied
 * (clamped for DiffStride, rounded for strided subsampling).
 */
public record CropResult(float[][][] image, int height, int width, double strideHeight, double strideWidth) {
}
