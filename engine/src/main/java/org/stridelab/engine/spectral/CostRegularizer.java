package org.stridelab.engine.spectral;

import java.util.List;

/**
 * The optional compute penalty of the DiffStride paper, {@code lambda * J(S)}:
 * {@code J} sums, over the pooling layers in network order, the relative size of
 * the feature map after each, {@code P_i = prod_{l <= i} 1/(Sh_l * Sw_l)}.
 * Raising an early stride shrinks every later map, so it pays more.
 *
 * <p>Gradient: {@code dJ/dSh_j = -(1/Sh_j) * sum_{i >= j} P_i} (same for Sw).
 * It uses the strides as stored (the last forward's clamped values).
 */
public final class CostRegularizer {
    private final double lambda;
    private final List<DiffStride> layers;

    /** {@code layers} in network order (stem first). */
    public CostRegularizer(double lambda, List<DiffStride> layers) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("cost regulariser lambda must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
        this.layers = List.copyOf(layers);
    }

    public double lambda() {
        return lambda;
    }

    /** {@code J(S)} for strides {@code {Sh_i, Sw_i}} in network order (plain numbers, e.g. for the views). */
    public static double cost(List<double[]> strides) {
        double product = 1;
        double sum = 0;
        for (double[] s : strides) {
            product /= s[0] * s[1];
            sum += product;
        }
        return sum;
    }

    /** {@code lambda * J(S)} at the current strides. */
    public double value() {
        return lambda * cost(layers.stream().map(DiffStride::strides).toList());
    }

    /** Adds {@code lambda * dJ/dS} into each layer's stride gradient; returns {@code lambda * J(S)}. */
    public double addGradient() {
        int n = layers.size();
        double[][] s = new double[n][];
        double[] p = new double[n];
        double product = 1;
        for (int i = 0; i < n; i++) {
            s[i] = layers.get(i).strides();
            product /= s[i][0] * s[i][1];
            p[i] = product;
        }
        double tail = 0; // sum_{i >= j} P_i, built from the end
        double total = 0;
        for (int j = n - 1; j >= 0; j--) {
            tail += p[j];
            total += p[j];
            if (lambda != 0) {
                layers.get(j).addStrideGradient(-lambda * tail / s[j][0], -lambda * tail / s[j][1]);
            }
        }
        return lambda * total;
    }
}
