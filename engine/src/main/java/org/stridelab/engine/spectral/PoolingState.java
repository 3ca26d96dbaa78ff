package org.stridelab.engine.spectral;

/**
 * A snapshot of one spectral pooling layer, copied off ND4J memory so that any
 * thread may keep it: current strides, the sizes of its last input and output,
 * and the two 1-D masks over the rfft grid (rows in FFT order, then columns
 * 0..W/2) whose outer product is the 2-D mask.
 */
public record PoolingState(String name, double strideHeight, double strideWidth,
                           int inputHeight, int inputWidth, int outputHeight, int outputWidth,
                           float[] rowMask, float[] columnMask) {
}
