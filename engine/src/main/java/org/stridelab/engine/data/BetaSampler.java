package org.stridelab.engine.data;

import java.util.Random;

/**
 * Draws from the symmetric Beta(alpha, alpha) distribution that mixup uses, as
 * X / (X + Y) with X, Y ~ Gamma(alpha, 1) (Marsaglia and Tsang's method), so the
 * engine needs no statistics library for one distribution.
 */
final class BetaSampler {

    private BetaSampler() {
    }

    /** A value in [0, 1]; alpha must be positive. */
    static double symmetricBeta(double alpha, Random rng) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("Beta(alpha, alpha) needs alpha > 0, got " + alpha);
        }
        double x = gamma(alpha, rng);
        double y = gamma(alpha, rng);
        double sum = x + y;
        if (sum == 0) {
            // Tiny alpha: both draws underflowed. Beta(a, a) then sits at 0 or 1 with equal odds.
            return rng.nextBoolean() ? 1.0 : 0.0;
        }
        return x / sum;
    }

    /** Gamma(shape, 1). */
    static double gamma(double shape, Random rng) {
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
