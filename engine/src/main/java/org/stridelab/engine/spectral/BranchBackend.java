package org.stridelab.engine.spectral;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.stridelab.engine.nn.Parameter;

/** What a {@link SpectralBranch} asks of the pooling it belongs to. */
interface BranchBackend {

    /** The operator for this input size at the pooling's current (clamped) strides; records the sizes for its state. */
    SpectralOperator operatorFor(int height, int width, DataType dataType);

    /** Whether backward must compute stride gradients. */
    boolean learnsStrides();

    /** Adds dL/dSh and dL/dSw (as seen by one branch) into the stride parameter's gradient. */
    void addStrideGradient(double gradHeight, double gradWidth);

    List<Parameter> parameters();
}
