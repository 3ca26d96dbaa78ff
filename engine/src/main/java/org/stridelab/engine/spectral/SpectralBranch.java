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
 *
 * <p>The operators work channels-last, the network's layout. A branch made for
 * channels-first maps ([N, C, H, W], the layout of the reference tests and of
 * callers holding single images) transposes around them.
 */
final class SpectralBranch implements Layer {
    private final BranchBackend backend;
    private final boolean listsParameters;
    private final boolean channelsLast;
    private SpectralOperator operator;
    private SpectralOperator.Forward last;

    SpectralBranch(BranchBackend backend, boolean listsParameters, boolean channelsLast) {
        this.backend = backend;
        this.listsParameters = listsParameters;
        this.channelsLast = channelsLast;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("spectral pooling expects " + (channelsLast ? "NHWC" : "NCHW")
                + " input, got shape " + java.util.Arrays.toString(input.shape()));
        }
        INDArray nhwc = channelsLast ? input : input.permute(0, 2, 3, 1);
        operator = backend.operatorFor((int) nhwc.size(1), (int) nhwc.size(2), input.dataType());
        last = operator.forward(nhwc, training && backend.learnsStrides());
        return channelsLast ? last.output() : SpectralOperator.toChannelsFirst(last.output());
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
        SpectralOperator.Backward b = operator.backward(last,
            channelsLast ? gradOutput : gradOutput.permute(0, 2, 3, 1), strides);
        if (strides) {
            backend.addStrideGradient(b.gradStrideHeight(), b.gradStrideWidth());
        }
        return channelsLast ? b.gradInput() : SpectralOperator.toChannelsFirst(b.gradInput());
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
