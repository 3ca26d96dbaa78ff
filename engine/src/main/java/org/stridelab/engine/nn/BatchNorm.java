package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over the channels of an NCHW tensor (momentum 0.9, eps 1e-5,
 * running statistics for evaluation, as PyTorch's BatchNorm2d).
 *
 * <p>Statistics are summed in two contiguous steps ({@code sum(2,3)} then
 * {@code sum(0)}), several times faster on ND4J than {@code mean(0,2,3)} and
 * {@code var}. The backward pass is written as one per-channel affine map of
 * the upstream gradient and the input, {@code dx = a*dy + b*x + c}, which
 * needs only two reductions and is faster than libnd4j's {@code batchnorm_bp}.
 */
public final class BatchNorm implements Layer {
    public static final double MOMENTUM = 0.9;
    public static final double EPSILON = 1e-5;

    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;
    private final String name;

    private INDArray input;
    private INDArray mean;
    private INDArray invStd;
    private long count;

    public BatchNorm(String name, int channels) {
        this.name = name;
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
        INDArray m;
        INDArray v;
        if (training) {
            count = x.size(0) * x.size(2) * x.size(3);
            m = x.sum(2, 3).sum(0).divi(count);
            INDArray sq = x.mul(x).sum(2, 3).sum(0).divi(count);
            v = sq.subi(m.mul(m));
            // Running statistics use the unbiased variance, as PyTorch does.
            double unbias = count > 1 ? (double) count / (count - 1) : 1.0;
            runningMean.muli(MOMENTUM).addi(m.mul(1 - MOMENTUM));
            runningVar.muli(MOMENTUM).addi(v.mul((1 - MOMENTUM) * unbias));
            input = x;
            mean = m;
            invStd = Transforms.pow(v.add(EPSILON), -0.5, false);
        } else {
            m = runningMean;
            v = runningVar;
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, gamma.value(), beta.value())
                .addOutputs(out)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
        return out;
    }

    @Override
    public INDArray backward(INDArray dy) {
        // With xhat = (x - mu) * s:  dgamma = sum(dy * xhat),  dbeta = sum(dy),
        // dx = k * (dy - mean(dy) - xhat * mean(dy * xhat)),  k = gamma * s,
        // which regroups to dx = k*dy + b*x + c with per-channel b and c.
        INDArray sumDy = dy.sum(2, 3).sum(0);
        INDArray sumDyX = dy.mul(input).sum(2, 3).sum(0);
        INDArray sumDyXhat = sumDyX.sub(mean.mul(sumDy)).muli(invStd);
        gamma.grad().addi(sumDyXhat);
        beta.grad().addi(sumDy);

        INDArray k = gamma.value().mul(invStd);
        INDArray b = k.mul(sumDyXhat).muli(invStd).divi(-count);
        INDArray c = b.mul(mean).negi().subi(k.mul(sumDy).divi(count));

        // dx = k*dy + c through libnd4j's batchnorm (mean 0, variance 1), then + b*x.
        INDArray dx = affinePerChannel(dy, k, c);
        INDArray bx = Nd4j.createUninitialized(input.dataType(), input.shape());
        Nd4j.getExecutioner().exec(new BroadcastMulOp(input, b, bx, 1));
        dx.addi(bx);
        input = null;
        return dx;
    }

    /** {@code scale[c] * x + shift[c]} over the channels of an NCHW tensor, in one pass. */
    static INDArray affinePerChannel(INDArray x, INDArray scale, INDArray shift) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, Nd4j.zerosLike(scale), Nd4j.onesLike(scale), scale, shift)
                .addOutputs(out)
                .addIntegerArguments(1, 1, 1)
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
        mean = null;
        invStd = null;
    }
}
