package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A fully connected layer y = x W + b, W of shape [in, out]; gemm into c-order results. */
public final class Dense implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    public Dense(String name, int in, int out, long seed) {
        var type = Nd4j.defaultFloatingPointType();
        // PyTorch's default for Linear: uniform(-1/sqrt(in), 1/sqrt(in)) for weights and bias.
        double bound = 1.0 / Math.sqrt(in);
        INDArray w = Nd4j.rand(seed, new long[]{in, out}).castTo(type).muli(2 * bound).subi(bound);
        INDArray b = Nd4j.rand(seed + 1, new long[]{1, out}).castTo(type).muli(2 * bound).subi(bound);
        this.weight = Parameter.weight(name + ".weight", w);
        this.bias = Parameter.noDecay(name + ".bias", b);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), weight.value().size(1));
        Nd4j.gemm(x, weight.value(), out, false, false, 1.0, 0.0);
        return out.addiRowVector(bias.value());
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        Nd4j.gemm(input, gradOut, weight.grad(), true, false, 1.0, 1.0);
        bias.grad().addi(gradOut.sum(true, 0));
        INDArray gradIn = Nd4j.createUninitialized(gradOut.dataType(), input.shape());
        Nd4j.gemm(gradOut, weight.value(), gradIn, false, true, 1.0, 0.0);
        input = null;
        return gradIn;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public void clearCache() {
        input = null;
    }
}
