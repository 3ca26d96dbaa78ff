package org.stridelab.engine.spectral;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

/**
 * One place where a spectral pooling is applied. It caches its own forward
 * (the Layer contract), while the strides and their gradient belong to the
 * pooling: the main-branch and shortcut branches of a block each add their
 * stride gradient into the same {@link Parameter#grad()}. The first branch
 * made lists the strides among its parameters; the others add to their
 * gradient without listing them, so a traversal of the network finds each
 * stride once.
 */
final class SpectralBranch implements Layer {
    private final BranchBackend backend;
    private final boolean listsParameters;
    private SpectralOperator operator;
    private SpectralOperator.Forward last;

    SpectralBranch(BranchBackend backend, boolean listsParameters) {
        this.backend = backend;
        this.listsParameters = listsParameters;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("spectral pooling expects NCHW input, got shape "
                + java.util.Arrays.toString(input.shape()));
        }
        operator = backend.operatorFor((int) input.size(2), (int) input.size(3), input.dataType());
        last = operator.forward(input, training && backend.learnsStrides());
        return last.output();
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        if (last == null) {
            throw new IllegalStateException("backward called without a forward");
        }
        if (gradOutput.dataType() != operator.dataType) {
            throw new IllegalArgumentException("gradient type " + gradOutput.dataType()
                + " differs from the forward's " + operator.dataType);
        }
        boolean strides = backend.learnsStrides();
        if (strides && last.saved() == null) {
            throw new IllegalStateException("DiffStride backward needs a forward with training = true");
        }
        SpectralOperator.Backward b = operator.backward(last, gradOutput, strides);
        if (strides) {
            backend.addStrideGradient(b.gradStrideHeight(), b.gradStrideWidth());
        }
        return b.gradInput();
    }

    @Override
    public List<Parameter> parameters() {
        return listsParameters ? backend.parameters() : List.of();
    }

    @Override
    public void clearCache() {
        last = null;
        operator = null;
    }
}
