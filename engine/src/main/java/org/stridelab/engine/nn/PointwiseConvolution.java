package org.stridelab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A 1x1 convolution of a channels-last map as plain GEMMs over pixels: the
 * sampled input is a [pixels, in] matrix and the output {@code X W^T} is already
 * [N, H', W', out]. oneDNN's backward for these shortcut convolutions took 5-8x
 * its forward here; as GEMMs the backward costs about two forwards.
 */
final class PointwiseConvolution {

    private PointwiseConvolution() {
    }

    /** The pixels a stride-s 1x1 convolution reads, as a contiguous [N*H'*W', C] matrix. */
    static INDArray sample(INDArray x, int stride) {
        INDArray picked = stride == 1 ? x : x.get(grid(x, stride));
        long channels = x.size(3);
        return Contiguous.of(picked).reshape(picked.length() / channels, channels);
    }

    /** out [N, H', W', out] = sampled [pixels, in] x weight[out, in]^T. */
    static INDArray forward(INDArray sampled, INDArray weight, long n, long height, long width) {
        INDArray w = weight.reshape(weight.size(0), weight.size(1));
        INDArray out = Nd4j.createUninitialized(sampled.dataType(), sampled.size(0), w.size(0));
        Nd4j.gemm(sampled, w, out, false, true, 1.0, 0.0);
        return out.reshape(n, height, width, w.size(0));
    }

    /**
     * Adds dW = G^T X into {@code weightGrad} and returns dX: G W scattered back to
     * the sampled pixels of a zero map of the input's shape.
     */
    static INDArray backward(INDArray gradOut, INDArray sampled, INDArray weight, INDArray weightGrad,
                             long[] inputShape, int stride) {
        long outChannels = weight.size(0);
        long inChannels = weight.size(1);
        INDArray g = Contiguous.of(gradOut).reshape(gradOut.length() / outChannels, outChannels);
        Nd4j.gemm(g, sampled, weightGrad.reshape(outChannels, inChannels), true, false, 1.0, 1.0);
        INDArray gradSampled = Nd4j.createUninitialized(g.dataType(), g.size(0), inChannels);
        Nd4j.gemm(g, weight.reshape(outChannels, inChannels), gradSampled, false, false, 1.0, 0.0);
        INDArray picked = gradSampled.reshape(gradOut.size(0), gradOut.size(1), gradOut.size(2), inChannels);
        if (stride == 1) {
            return picked;
        }
        INDArray gradIn = Nd4j.zeros(g.dataType(), inputShape);
        gradIn.get(grid(gradIn, stride)).assign(picked);
        return gradIn;
    }

    private static INDArrayIndex[] grid(INDArray x, int stride) {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.interval(0, stride, x.size(1)),
            NDArrayIndex.interval(0, stride, x.size(2)), NDArrayIndex.all()};
    }
}
