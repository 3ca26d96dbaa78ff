package org.stridelab.engine.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The linear map {@code x -> A1 x B1^T - A2 x B2^T} of one spectral pooling at
 * one input size and stride, applied to a whole channels-last batch
 * ({@code [N, H, W, C]}, the network's layout) with a few GEMMs,
 * its exact adjoint, and the stride gradients through the mask ramp.
 *
 * <p>Immutable and shared: the branches of one pooling reuse it, the pooling's
 * {@link OperatorCache} keeps it across steps. Its matrices live outside any
 * workspace; the arrays it returns live in the caller's.
 */
abstract class SpectralOperator {

    /** How to multiply; AUTO picks by estimated cost, see {@link #prefersKronecker}. */
    enum Strategy { AUTO, SEPARABLE, KRONECKER }

    /**
     * Whether the full {@code (H*W) x (h*w)} matrix beats the separable form. The
     * Kronecker form costs {@code H*W*h*w} multiply-adds per image against
     * {@code 2*w*H*W + 2*H*h*w} for the separable one, but it is one GEMM where
     * the separable form makes three with small inner dimensions. Both make the
     * same two layout changes per pass. Measured here
     * (2 cores, batch 128, float, channels-last maps, in a workspace, forward +
     * backward with stride gradients), Kronecker time / separable time against
     * the cost ratio: 8x8 to 4x4 0.63 (ratio 1.33), 8x8 to 6x6 0.68 (1.71),
     * 12x12 to 8x8 0.88 (2.40), 16x16 to 8x8 1.15 (2.67), 16x16 to 12x12 1.48
     * (3.43), 32x32 to 16x16 2.7 (5.33). A cost ratio of 2.5 separates them.
     */
    static boolean prefersKronecker(int inH, int inW, int outH, int outW) {
        long kronecker = (long) inH * inW * outH * outW;
        long separable = 2L * outW * inH * inW + 2L * inH * outH * outW;
        return 2 * kronecker <= 5 * separable;
    }

    /** Output of a forward, plus what backward needs (null when not kept). */
    record Forward(INDArray output, INDArray[] saved) {
    }

    /** dL/dInput and dL/dStride (height and width; 0 when not asked for). */
    record Backward(INDArray gradInput, double gradStrideHeight, double gradStrideWidth) {
    }

    final int inputHeight;
    final int inputWidth;
    final int outputHeight;
    final int outputWidth;
    final DataType dataType;

    SpectralOperator(AxisOperator rows, AxisOperator columns, DataType dataType) {
        this.inputHeight = rows.inputSize();
        this.inputWidth = columns.inputSize();
        this.outputHeight = rows.outputSize();
        this.outputWidth = columns.outputSize();
        this.dataType = dataType;
    }

    static SpectralOperator create(AxisCrop rows, AxisCrop columns, DataType dataType, Strategy strategy) {
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("spectral pooling supports FLOAT and DOUBLE inputs, got " + dataType);
        }
        AxisOperator r = AxisOperator.rows(rows);
        AxisOperator c = AxisOperator.columns(columns);
        boolean kronecker = strategy == Strategy.KRONECKER || (strategy == Strategy.AUTO
            && prefersKronecker(rows.inputSize(), columns.inputSize(), rows.outputSize(), columns.outputSize()));
        // the matrices persist across steps: keep them out of the caller's workspace
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return kronecker ? new KroneckerOperator(r, c, dataType) : new SeparableOperator(r, c, dataType);
        }
    }

    /** The off-heap matrices this operator owns (not views), released by {@link #close()}. */
    abstract java.util.List<INDArray> matrices();

    /**
     * Frees the matrices now instead of whenever the garbage collector gets to
     * them: DiffStride builds new operators every step, and off-heap memory
     * left to a rarely running GC made the process grow by megabytes a step.
     */
    void close() {
        for (INDArray m : matrices()) {
            if (!m.isView() && !m.wasClosed()) {
                m.close();
            }
        }
    }

    /** Applies the pooling to {@code [N, H, W, C]}; keeps what the stride gradients need when asked. */
    abstract Forward forward(INDArray input, boolean keepForStrideGradient);

    /** The adjoint applied to {@code gradOutput}, and the stride gradients when asked (needs a kept forward). */
    abstract Backward backward(Forward forward, INDArray gradOutput, boolean strideGradients);

    /** A channels-last map as the dense [N, C, H, W] array the GEMMs read (one permute-and-copy). */
    static INDArray toChannelsFirst(INDArray channelsLast) {
        return contiguous(channelsLast.permute(0, 3, 1, 2));
    }

    /** [N, C, H, W] to a dense [N, H, W, C] copy. */
    static INDArray toChannelsLast(INDArray channelsFirst) {
        return channelsFirst.permute(0, 2, 3, 1).dup('c');
    }

    /** A c-order array with default strides at offset 0 (what the GEMM reshapes below assume). */
    static INDArray contiguous(INDArray a) {
        if (a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) && a.offset() == 0) {
            return a;
        }
        return a.dup('c');
    }

    /** A detached {@code rows x cols} matrix in the given type from row-major doubles. */
    static INDArray matrix(double[] values, int rows, int cols, DataType dataType) {
        INDArray m = Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
        if (dataType == DataType.DOUBLE) {
            return m;
        }
        INDArray cast = m.castTo(dataType);
        m.close(); // off-heap: do not wait for the garbage collector
        return cast;
    }

    /** {@code sum(a .* b)} for a small array b, accumulated in double. */
    static double dot(double[] a, INDArray b) {
        double[] v = b.reshape(b.length()).toDoubleVector();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * v[i];
        }
        return s;
    }

    void checkInput(INDArray input) {
        if (input.rank() != 4 || input.size(1) != inputHeight || input.size(2) != inputWidth) {
            throw new IllegalArgumentException("expected [N, " + inputHeight + ", " + inputWidth + ", C], got "
                + java.util.Arrays.toString(input.shape()));
        }
    }

    void checkGradient(INDArray grad) {
        if (grad.rank() != 4 || grad.size(1) != outputHeight || grad.size(2) != outputWidth) {
            throw new IllegalArgumentException("expected a gradient [N, " + outputHeight + ", " + outputWidth
                + ", C], got " + java.util.Arrays.toString(grad.shape()));
        }
    }

    static INDArray[] requireSaved(Forward forward) {
        if (forward.saved() == null) {
            throw new IllegalStateException("stride gradients need a forward run with training = true");
        }
        return forward.saved();
    }
}
