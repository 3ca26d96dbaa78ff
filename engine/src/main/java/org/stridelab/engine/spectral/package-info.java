/**
 * Downsampling in the frequency domain: fixed spectral pooling (Rippel et al.
 * 2015) and DiffStride, spectral pooling with learnable strides (Riad et al.,
 * ICLR 2022), with exact hand-written backward passes, plus plain-array
 * helpers for the views (spectra, masks, before/after crops).
 *
 * <p>The numerics follow docs/numerics.md. The key fact used throughout:
 * per sample and channel, {@code y = irfft2(crop(mask * rfft2(x)), (h, w))} with
 * the mean-preserving {@code 1/(H*W)} scale is real-linear and separable,
 * {@code y = A1 x B1^T - A2 x B2^T}, where {@code A1 + i A2} acts along the rows
 * (forward DFT over H, mask, crop, inverse DFT of size h) and {@code B1 + i B2}
 * along the columns (rfft over W, mask, crop, c2r of size w). So the layers are
 * a few matrix products over the whole batch; ND4J has no FFT anyway.
 */
package org.stridelab.engine.spectral;
