package org.stridelab.engine.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * For small maps, the whole 2-D operator as one {@code (H*W) x (h*w)} matrix
 * {@code K[(y,x),(n,q)] = A1[n,y] B1[q,x] - A2[n,y] B2[q,x]}: forward, adjoint
 * and the stride gradients are then one GEMM each on {@code [N*C, H*W]} views
 * of the map made channels-first (one permute in, one out, per pass). Only
 * worth it while K stays small (its flop count grows with {@code h*w} per
 * pixel); see {@link SpectralOperator#prefersKronecker}.
 */
final class KroneckerOperator extends SpectralOperator {
    private final INDArray k;
    private final double[] dkHeight;
    private final double[] dkWidth;

    KroneckerOperator(AxisOperator rows, AxisOperator columns, DataType dataType) {
        super(rows, columns, dataType);
        int hw = outputHeight * outputWidth;
        double[] kv = new double[inputHeight * inputWidth * hw];
        dkHeight = new double[kv.length];
        dkWidth = new double[kv.length];
        for (int y = 0; y < inputHeight; y++) {
            for (int x = 0; x < inputWidth; x++) {
                int base = (y * inputWidth + x) * hw;
                for (int n = 0; n < outputHeight; n++) {
                    int ai = n * inputHeight + y;
                    for (int q = 0; q < outputWidth; q++) {
                        int bi = q * inputWidth + x;
                        int o = base + n * outputWidth + q;
                        kv[o] = rows.re()[ai] * columns.re()[bi] - rows.im()[ai] * columns.im()[bi];
                        dkHeight[o] = rows.dRe()[ai] * columns.re()[bi] - rows.dIm()[ai] * columns.im()[bi];
                        dkWidth[o] = rows.re()[ai] * columns.dRe()[bi] - rows.im()[ai] * columns.dIm()[bi];
                    }
                }
            }
        }
        k = matrix(kv, inputHeight * inputWidth, hw, dataType);
    }

    @Override
    java.util.List<INDArray> matrices() {
        return java.util.List.of(k);
    }

    @Override
    Forward forward(INDArray input, boolean keepForStrideGradient) {
        checkInput(input);
        long n = input.size(0);
        long c = input.size(3);
        INDArray x2 = toChannelsFirst(input).reshape('c', n * c, (long) inputHeight * inputWidth);
        INDArray y = Nd4j.createUninitialized(dataType, n * c, (long) outputHeight * outputWidth);
        Nd4j.gemm(x2, k, y, false, false, 1.0, 0.0);
        return new Forward(toChannelsLast(y.reshape('c', n, c, outputHeight, outputWidth)),
            keepForStrideGradient ? new INDArray[] {x2} : null);
    }

    @Override
    Backward backward(Forward forward, INDArray gradOutput, boolean strideGradients) {
        checkGradient(gradOutput);
        long n = gradOutput.size(0);
        long c = gradOutput.size(3);
        INDArray g2 = toChannelsFirst(gradOutput).reshape('c', n * c, (long) outputHeight * outputWidth);
        INDArray gradIn = Nd4j.createUninitialized(dataType, n * c, (long) inputHeight * inputWidth);
        Nd4j.gemm(g2, k, gradIn, false, true, 1.0, 0.0);
        double gh = 0;
        double gw = 0;
        if (strideGradients) {
            INDArray x2 = requireSaved(forward)[0];
            // dL/dK summed over the batch, then contracted with dK/dS
            INDArray gk = Nd4j.createUninitialized(dataType, (long) inputHeight * inputWidth,
                (long) outputHeight * outputWidth);
            Nd4j.gemm(x2, g2, gk, true, false, 1.0, 0.0);
            double[] v = gk.reshape(gk.length()).toDoubleVector();
            for (int i = 0; i < v.length; i++) {
                gh += dkHeight[i] * v[i];
                gw += dkWidth[i] * v[i];
            }
        }
        return new Backward(toChannelsLast(gradIn.reshape('c', n, c, inputHeight, inputWidth)), gh, gw);
    }
}
