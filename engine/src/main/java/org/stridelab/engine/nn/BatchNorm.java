package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over the channels of a channels-last [N, H, W, C] tensor (momentum 0.9, eps 1e-5,
 * running statistics for evaluation, as PyTorch's BatchNorm2d), optionally with
 * the ReLU that follows it folded in.
 *
 * <p>The backward pass is one per-channel affine map of the upstream gradient
 * and the input: with {@code xhat = (x - mu) * s} and {@code k = gamma * s},
 * {@code dx = k*dy + b*x + c} where {@code b = -k * s * mean(dy*xhat)} and
 * {@code c = -b*mu - k*mean(dy)}; so it needs two per-channel sums and one pass.
 * Float tensors take {@link ChannelKernels} (two passes forward, two backward);
 * other types (double, in gradient checks) take the same formulas on ND4J ops.
 */
public final class BatchNorm implements Layer {
    public static final double MOMENTUM = 0.9;
    public static final double EPSILON = 1e-5;

    private final String name;
    private final boolean relu;
    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;

    private INDArray input;
    /** The output of a {@link #forwardAddRelu} in training, whose sign masks the gradient. */
    private INDArray addReluOutput;
    private double[] mean;
    private double[] invStd;
    private float[] scale;
    private float[] shift;
    private long count;

    public BatchNorm(String name, int channels) {
        this(name, channels, false);
    }

    /** @param reluAfter apply max(0, .) to the output (and its derivative in backward) */
    public BatchNorm(String name, int channels, boolean reluAfter) {
        this.name = name;
        this.relu = reluAfter;
        var type = Nd4j.defaultFloatingPointType();
        this.gamma = Parameter.noDecay(name + ".gamma", Nd4j.ones(type, channels));
        this.beta = Parameter.noDecay(name + ".beta", Nd4j.zeros(type, channels));
        this.runningMean = Nd4j.zeros(type, channels);
        this.runningVar = Nd4j.ones(type, channels);
    }

    public String name() { return name; }
    public INDArray runningMean() { return runningMean; }
    public INDArray runningVar() { return runningVar; }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        addReluOutput = null; // a plain forward: its backward must not mask
        return forward(x, null, training);
    }

    /**
     * {@code max(0, bn(x) + residual)}, the end of a residual block, in one pass
     * over memory instead of three (normalise, add, ReLU). Pair with {@link #backwardAddRelu}.
     */
    public INDArray forwardAddRelu(INDArray x, INDArray residual, boolean training) {
        if (relu) {
            throw new IllegalStateException(name + " already folds a ReLU of its own");
        }
        INDArray out = forward(x, residual, training);
        addReluOutput = training ? out : null;
        return out;
    }

    /**
     * Backward of {@link #forwardAddRelu}: masks {@code gradOut} in place with the
     * ReLU's derivative (so afterwards it holds the residual's gradient as well)
     * and returns dLoss/dx.
     */
    public INDArray backwardAddRelu(INDArray gradOut) {
        if (addReluOutput == null) {
            throw new IllegalStateException(name + ": backwardAddRelu without a training forwardAddRelu");
        }
        INDArray dx = backward(gradOut);
        addReluOutput = null;
        return dx;
    }

    private INDArray forward(INDArray x, INDArray residual, boolean training) {
        int channels = (int) x.size(3);
        double[] m;
        double[] v;
        boolean fast = ChannelKernels.applies(x) && (residual == null || ChannelKernels.applies(residual));
        if (training) {
            count = x.length() / channels;
            double[] sums = new double[channels];
            double[] squares = new double[channels];
            if (fast) {
                ChannelKernels.moments(x, sums, squares);
            } else {
                sums = x.sum(0, 1, 2).toDoubleVector();
                squares = x.mul(x).sum(0, 1, 2).toDoubleVector();
            }
            m = new double[channels];
            v = new double[channels];
            double unbias = count > 1 ? (double) count / (count - 1) : 1.0;
            double[] rm = ChannelVectors.read(runningMean);
            double[] rv = ChannelVectors.read(runningVar);
            for (int c = 0; c < channels; c++) {
                m[c] = sums[c] / count;
                v[c] = Math.max(0, squares[c] / count - m[c] * m[c]);
                // Running statistics use the unbiased variance, as PyTorch does.
                rm[c] = MOMENTUM * rm[c] + (1 - MOMENTUM) * m[c];
                rv[c] = MOMENTUM * rv[c] + (1 - MOMENTUM) * v[c] * unbias;
            }
            ChannelVectors.write(runningMean, rm);
            ChannelVectors.write(runningVar, rv);
        } else {
            m = ChannelVectors.read(runningMean);
            v = ChannelVectors.read(runningVar);
        }
        double[] g = ChannelVectors.read(gamma.value());
        double[] b = ChannelVectors.read(beta.value());
        double[] s = new double[channels];
        scale = new float[channels];
        shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            s[c] = 1.0 / Math.sqrt(v[c] + EPSILON);
            scale[c] = (float) (g[c] * s[c]);
            shift[c] = (float) (b[c] - m[c] * g[c] * s[c]);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        if (fast) {
            ChannelKernels.affine(x, scale, shift, residual, relu || residual != null, out);
        } else {
            INDArray sc = Nd4j.createFromArray(g).castTo(x.dataType()).muli(Nd4j.createFromArray(s).castTo(x.dataType()));
            INDArray sh = Nd4j.createFromArray(b).castTo(x.dataType())
                    .subi(Nd4j.createFromArray(m).castTo(x.dataType()).muli(sc));
            out = affinePerChannel(x, sc, sh);
            if (residual != null) {
                out.addi(residual);
            }
            if (relu || residual != null) {
                Transforms.relu(out, false);
            }
        }
        if (training) {
            input = x;
            mean = m;
            invStd = s;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray dy) {
        int channels = (int) input.size(3);
        boolean fast = ChannelKernels.applies(input) && ChannelKernels.applies(dy)
                && (addReluOutput == null || ChannelKernels.applies(addReluOutput));
        double[] sumDy;
        double[] sumDyX;
        if (fast) {
            sumDy = new double[channels];
            sumDyX = new double[channels];
            ChannelKernels.gradientSums(dy, input, scale, shift, relu, addReluOutput, sumDy, sumDyX);
        } else {
            if (addReluOutput != null) {
                dy.muli(addReluOutput.gt(0).castTo(dy.dataType())); // in place: the residual's gradient too
            } else if (relu) {
                INDArray pre = affinePerChannel(input, Nd4j.createFromArray(scale).castTo(input.dataType()),
                        Nd4j.createFromArray(shift).castTo(input.dataType()));
                dy = dy.mul(pre.gt(0).castTo(dy.dataType()));
            }
            sumDy = dy.sum(0, 1, 2).toDoubleVector();
            sumDyX = dy.mul(input).sum(0, 1, 2).toDoubleVector();
        }
        double[] g = ChannelVectors.read(gamma.value());
        double[] dGamma = new double[channels];
        float[] k = new float[channels];
        float[] b = new float[channels];
        float[] c = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            dGamma[ch] = (sumDyX[ch] - mean[ch] * sumDy[ch]) * invStd[ch];
            double kc = g[ch] * invStd[ch];
            double bc = -kc * invStd[ch] * dGamma[ch] / count;
            k[ch] = (float) kc;
            b[ch] = (float) bc;
            c[ch] = (float) (-bc * mean[ch] - kc * sumDy[ch] / count);
        }
        ChannelVectors.add(gamma.grad(), dGamma);
        ChannelVectors.add(beta.grad(), sumDy);
        INDArray dx = Nd4j.createUninitialized(dy.dataType(), dy.shape());
        if (fast) {
            ChannelKernels.combine(dy, input, k, b, c, dx);
        } else {
            // Exact double coefficients for the reference path.
            double[] kd = new double[channels];
            double[] bd = new double[channels];
            double[] cd = new double[channels];
            for (int ch = 0; ch < channels; ch++) {
                kd[ch] = g[ch] * invStd[ch];
                bd[ch] = -kd[ch] * invStd[ch] * dGamma[ch] / count;
                cd[ch] = -bd[ch] * mean[ch] - kd[ch] * sumDy[ch] / count;
            }
            var type = dy.dataType();
            dx = affinePerChannel(dy, Nd4j.createFromArray(kd).castTo(type), Nd4j.createFromArray(cd).castTo(type));
            INDArray bx = Nd4j.createUninitialized(type, input.shape());
            Nd4j.getExecutioner().exec(new BroadcastMulOp(input, Nd4j.createFromArray(bd).castTo(type), bx, 3));
            dx.addi(bx);
        }
        input = null;
        return dx;
    }

    /** {@code scale[c] * x + shift[c]} over the last axis (the channels), through libnd4j's batchnorm op. */
    static INDArray affinePerChannel(INDArray x, INDArray scale, INDArray shift) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, Nd4j.zerosLike(scale), Nd4j.onesLike(scale), scale, shift)
                .addOutputs(out)
                .addIntegerArguments(1, 1, 3)
                .addFloatingPointArguments(0.0)
                .build());
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public void clearCache() {
        input = null;
        addReluOutput = null;
    }
}
