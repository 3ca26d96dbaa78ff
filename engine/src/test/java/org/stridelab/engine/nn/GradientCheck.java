package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences in double precision against a layer's backward pass.
 *
 * <p>The scalar probed is {@code L = sum(forward(x) * R)} for a fixed random
 * {@code R}, so dL/dOutput = R. Every input element (up to {@code maxChecks},
 * chosen at random) and every parameter element is perturbed by +-eps.
 */
public final class GradientCheck {
    private static final double EPS = 1e-6;

    private GradientCheck() {
    }

    /** Sets double precision for arrays created from now on (call before building the layer). */
    public static void useDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    public static INDArray randn(long seed, long... shape) {
        return Nd4j.randn(seed, shape).castTo(DataType.DOUBLE);
    }

    /** Checks dL/dInput and dL/dParameters of {@code layer} at {@code input}; returns the worst relative error. */
    public static double check(Layer layer, INDArray input, boolean training, int maxChecks, double tolerance) {
        return check(() -> layer, layer, input, training, maxChecks, tolerance);
    }

    /**
     * As {@link #check(Layer, INDArray, boolean, int, double)}, with the forward
     * recomputed through {@code forwardFactory} (the same layer object, usually).
     */
    public static double check(Supplier<Layer> forwardFactory, Layer layer, INDArray input, boolean training,
                               int maxChecks, double tolerance) {
        INDArray out = layer.forward(input, training);
        INDArray r = Nd4j.randn(42, out.shape()).castTo(DataType.DOUBLE);
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        INDArray gradIn = layer.backward(r.dup());
        double worst = 0;
        Random pick = new Random(7);

        INDArray flatIn = input.reshape(input.length());
        // A layer over the data (the stem) returns no input gradient: only its parameters are checked.
        int nIn = gradIn == null ? 0 : (int) Math.min(maxChecks, input.length());
        for (int k = 0; k < nIn; k++) {
            long i = input.length() <= maxChecks ? k : (long) (pick.nextDouble() * input.length());
            double numeric = numericDerivative(layer, input, flatIn, i, r, training);
            double analytic = gradIn.reshape(gradIn.length()).getDouble(i);
            worst = Math.max(worst, report("input[" + i + "]", analytic, numeric, tolerance));
        }
        for (Parameter p : layer.parameters()) {
            INDArray analyticGrad = p.grad().dup();
            INDArray flat = p.value().reshape(p.value().length());
            int n = (int) Math.min(maxChecks, p.value().length());
            for (int k = 0; k < n; k++) {
                long i = p.value().length() <= maxChecks ? k : (long) (pick.nextDouble() * p.value().length());
                double numeric = numericDerivative(layer, input, flat, i, r, training);
                double analytic = analyticGrad.reshape(analyticGrad.length()).getDouble(i);
                worst = Math.max(worst, report(p.name() + "[" + i + "]", analytic, numeric, tolerance));
            }
        }
        return worst;
    }

    private static double numericDerivative(Layer layer, INDArray input, INDArray flat, long i, INDArray r,
                                            boolean training) {
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + EPS);
        double plus = layer.forward(input, training).mul(r).sumNumber().doubleValue();
        flat.putScalar(i, orig - EPS);
        double minus = layer.forward(input, training).mul(r).sumNumber().doubleValue();
        flat.putScalar(i, orig);
        return (plus - minus) / (2 * EPS);
    }

    private static double report(String what, double analytic, double numeric, double tolerance) {
        double denom = Math.max(1e-8, Math.max(Math.abs(analytic), Math.abs(numeric)));
        double abs = Math.abs(analytic - numeric);
        double rel = abs < 1e-9 ? 0 : abs / denom;
        assertTrue(rel <= tolerance,
                what + ": analytic " + analytic + " vs numeric " + numeric + " (relative error " + rel + ")");
        return rel;
    }
}
