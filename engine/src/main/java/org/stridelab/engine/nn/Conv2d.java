package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A bias-free 2-D convolution on libnd4j's {@code conv2d} / {@code conv2d_bp},
 * which run on oneDNN where it is built in. Activations are channels-last
 * ([N, H, W, C]): oneDNN's kernels ran the network's 3x3 convolutions up to
 * 1.8x faster in that layout than in NCHW on the same machine. Weights stay
 * [out, in, k, k], the layout checkpoints and the PHC assembly use.
 * No bias: in ResNet every convolution is followed by batch norm, which has its own shift.
 */
public final class Conv2d implements ConvLayer {
    /** Backward in slices of the batch only for layers with at most this many input channels. */
    private static final long SLICED_MAX_CHANNELS = 32;
    /**
     * The property that turns backward slices on: their size in bytes, 0 (the
     * default) for the whole batch at once. See {@link #backwardChunk}.
     */
    public static final String SLICE_PROPERTY = "stridelab.convSliceBytes";

    private final Parameter weight;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean pointwise;
    private boolean inputGradient = true;
    private long sliceBytes = sliceBytes(System.getProperty(SLICE_PROPERTY));
    private INDArray input;
    private INDArray sampled;

    /** A convolution with He (fan-in) initialisation of its weights. */
    public Conv2d(String name, int inChannels, int outChannels, int kernel, int stride, int padding, long seed) {
        this(Parameter.weight(name + ".weight", heNormal(seed, outChannels, inChannels, kernel)), kernel, stride,
                padding);
    }

    /** A convolution over a given weight parameter (PHC layers assemble theirs). */
    public Conv2d(Parameter weight, int kernel, int stride, int padding) {
        if (stride < 1) {
            throw new IllegalArgumentException("convolution stride must be >= 1, got " + stride);
        }
        this.weight = weight;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.pointwise = kernel == 1 && padding == 0;
    }

    static INDArray heNormal(long seed, int out, int in, int kernel) {
        double std = Math.sqrt(2.0 / (in * kernel * kernel));
        INDArray w = Nd4j.randn(seed, new long[]{out, in, kernel, kernel}).castTo(Nd4j.defaultFloatingPointType());
        return w.muli(std);
    }

    public Parameter weight() { return weight; }
    public int stride() { return stride; }
    public int kernel() { return kernel; }
    public long outChannels() { return weight.value().size(0); }
    public long inChannels() { return weight.value().size(1); }

    /** Output side for an input side, as libnd4j computes it with explicit padding. */
    @Override
    public int outputSize(int inputSize) {
        return (inputSize + 2 * padding - kernel) / stride + 1;
    }

    /** Multiply-adds per image for an input of the given size. */
    @Override
    public long multiplyAdds(int height, int width) {
        return (long) outputSize(height) * outputSize(width) * weight.value().length();
    }

    /**
     * The slice size a {@code -Dstridelab.convSliceBytes} value asks for (null: 0).
     *
     * @throws IllegalArgumentException for anything but a whole number of bytes {@code >= 0}
     */
    static long sliceBytes(String property) {
        if (property == null || property.isBlank()) {
            return 0;
        }
        try {
            long bytes = Long.parseLong(property.strip());
            if (bytes >= 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("-D" + SLICE_PROPERTY + "=" + property
                + " is not understood: give the backward slice size in bytes (e.g. 2097152), or 0 for whole batches");
    }

    /** Sets the backward slice size in bytes (0: whole batch); the property sets it for every layer. */
    void backwardSliceBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("backward slice size must be >= 0 bytes, got " + bytes);
        }
        this.sliceBytes = bytes;
    }

    @Override
    public void dropInputGradient() {
        inputGradient = false;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null;
        if (pointwise) {
            INDArray s = PointwiseConvolution.sample(x, stride);
            sampled = training ? s : null;
            return PointwiseConvolution.forward(s, weight.value(), x.size(0), outputSize((int) x.size(1)),
                    outputSize((int) x.size(2)));
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), outputSize((int) x.size(1)),
                outputSize((int) x.size(2)), outChannels());
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, weight.value())
                .addOutputs(out)
                .addIntegerArguments(args())
                .build());
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (pointwise) {
            INDArray gradIn = PointwiseConvolution.backward(gradOut, sampled, weight.value(), weight.grad(),
                    input.shape(), stride);
            input = null;
            sampled = null;
            return gradIn;
        }
        if (!inputGradient && HostKernels.enabled()) {
            addWeightGradientOnly(gradOut);
            input = null;
            return null;
        }
        INDArray gradIn = Nd4j.createUninitialized(input.dataType(), input.shape());
        INDArray gradW = Nd4j.createUninitialized(weight.value().dataType(), weight.value().shape());
        long images = input.size(0);
        long chunk = backwardChunk(input);
        for (long from = 0; from < images; from += chunk) {
            long to = Math.min(images, from + chunk);
            boolean whole = from == 0 && to == images;
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                    .addInputs(whole ? input : rows(input, from, to), weight.value(),
                            whole ? gradOut : rows(gradOut, from, to))
                    .addOutputs(whole ? gradIn : rows(gradIn, from, to), gradW)
                    .addIntegerArguments(args())
                    .build());
            weight.grad().addi(gradW);
        }
        input = null;
        return inputGradient ? gradIn : null; // without host kernels the stem computes one and drops it
    }

    /**
     * Images per {@code conv2d_bp} call. With few channels on large maps oneDNN's
     * weight gradient once ran 2-2.5x faster over 2 MB slices of the batch than
     * over the whole batch (16 channels at 32x32: 27 ms down to 10 ms per layer,
     * on the machine the lab was first tuned on); on the 2026-12-03 build machine
     * (AMD EPYC, AVX2) whole batches were faster instead (a width-0.25 strided
     * step 5-9 % faster without slices, three alternating pairs). The cache sizes
     * decide, so slicing is off by default and {@code -Dstridelab.convSliceBytes=2097152}
     * turns it back on; layers with more than 32 input channels always run whole.
     */
    private long backwardChunk(INDArray input) {
        long perImage = input.length() / input.size(0) * input.data().getElementSize();
        if (sliceBytes == 0 || inChannels() > SLICED_MAX_CHANNELS) {
            return input.size(0);
        }
        return Math.max(1, Math.min(input.size(0), sliceBytes / perImage));
    }

    private static INDArray rows(INDArray a, long from, long to) {
        return a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to));
    }

    /** dW = G^T im2col(x): the weight gradient without the input gradient libnd4j would also compute. */
    private void addWeightGradientOnly(INDArray gradOut) {
        INDArray columns = ImageColumns.of(input, kernel, stride, padding);
        long out = outChannels();
        INDArray g = Contiguous.of(gradOut);
        Nd4j.gemm(g.reshape(g.length() / out, out), columns, weight.grad().reshape(out, columns.size(1)), true, false,
                1.0, 1.0);
    }

    private int[] args() {
        // kH, kW, sH, sW, pH, pW, dH, dW, paddingMode (0 = explicit), dataFormat (1 = NHWC), weightsFormat (1 = OIHW)
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 1, 1};
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    @Override
    public void clearCache() {
        input = null;
        sampled = null;
    }
}
