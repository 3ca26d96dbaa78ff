package org.stridelab.engine.spectral;

/**
 * One axis of a spectral pooling as a complex {@code out x in} matrix
 * {@code re + i im}, with its derivative with respect to the stride
 * ({@code dRe + i dIm}). All four are row-major {@code [out][in]} arrays.
 *
 * <p>Rows (complex, inverse DFT of size h over the cropped rows of the forward
 * DFT over H): {@code P[n][y] = (1/H) sum_j mask(m_j) e^{2 pi i (j n/h - m_j y/H)}}.
 * <br>Columns (c2r of size w over the cropped columns of the rfft over W):
 * {@code Q[q][x] = (1/W) sum_j wt_j mask(c_j) e^{2 pi i (j q/w - c_j x/W)}}, with
 * {@code wt = 1} for column 0 and for column {@code w/2} when w is even, 2 otherwise.
 *
 * <p>Then per sample and channel {@code y = Re(P x Q^T) = A1 x B1^T - A2 x B2^T}
 * ({@code A = P}, {@code B = Q}). Taking the real part is exactly what the c2r
 * inverse does: it ignores the imaginary parts of the self-conjugate bins
 * (0 and w/2), as FFTW, pocketfft and TensorFlow do. The two 1/size factors give
 * the mean-preserving scale {@code 1/(H*W)}.
 */
record AxisOperator(int outputSize, int inputSize, double[] re, double[] im, double[] dRe, double[] dIm) {

    /** The row operator of a crop (output size h, input size H). */
    static AxisOperator rows(AxisCrop crop) {
        double[] weights = new double[crop.kept().length];
        java.util.Arrays.fill(weights, 1.0);
        return build(crop, weights);
    }

    /** The column operator of a crop (output size w, input size W); the crop keeps w/2 + 1 columns. */
    static AxisOperator columns(AxisCrop crop) {
        int w = crop.outputSize();
        if (crop.kept().length != w / 2 + 1) {
            throw new IllegalArgumentException("a c2r inverse of size " + w + " needs " + (w / 2 + 1)
                + " columns, the crop keeps " + crop.kept().length);
        }
        double[] weights = new double[crop.kept().length];
        for (int j = 0; j < weights.length; j++) {
            boolean selfConjugate = j == 0 || (w % 2 == 0 && j == w / 2);
            weights[j] = selfConjugate ? 1.0 : 2.0;
        }
        return build(crop, weights);
    }

    /**
     * Sums the kept bins; bin j sits at position j of the cropped spectrum (the
     * phase of the size-{@code out} inverse) and at grid index {@code kept[j]}
     * (the phase of the size-{@code in} forward transform). Phases come from
     * twiddle tables indexed modulo the size, which keeps them exact for any size.
     */
    private static AxisOperator build(AxisCrop crop, double[] weights) {
        int out = crop.outputSize();
        int in = crop.inputSize();
        int[] kept = crop.kept();
        double[] cosOut = new double[out];
        double[] sinOut = new double[out];
        double[] cosIn = new double[in];
        double[] sinIn = new double[in];
        twiddles(out, cosOut, sinOut);
        twiddles(in, cosIn, sinIn);
        double[] re = new double[out * in];
        double[] im = new double[out * in];
        double[] dRe = new double[out * in];
        double[] dIm = new double[out * in];
        double scale = 1.0 / in;
        for (int j = 0; j < kept.length; j++) {
            int k = kept[j];
            double a = weights[j] * crop.mask()[k] * scale;
            double da = weights[j] * crop.maskDerivative()[k] * scale;
            for (int n = 0; n < out; n++) {
                int po = (int) (((long) j * n) % out);
                double co = cosOut[po];
                double so = sinOut[po];
                int row = n * in;
                for (int x = 0; x < in; x++) {
                    int pi = (int) (((long) k * x) % in);
                    // e^{i(alpha - beta)} = (cos a cos b + sin a sin b) + i (sin a cos b - cos a sin b)
                    double c = co * cosIn[pi] + so * sinIn[pi];
                    double s = so * cosIn[pi] - co * sinIn[pi];
                    re[row + x] += a * c;
                    im[row + x] += a * s;
                    if (da != 0) {
                        dRe[row + x] += da * c;
                        dIm[row + x] += da * s;
                    }
                }
            }
        }
        return new AxisOperator(out, in, re, im, dRe, dIm);
    }

    private static void twiddles(int n, double[] cos, double[] sin) {
        for (int t = 0; t < n; t++) {
            double angle = 2.0 * Math.PI * t / n;
            cos[t] = Math.cos(angle);
            sin[t] = Math.sin(angle);
        }
    }
}
