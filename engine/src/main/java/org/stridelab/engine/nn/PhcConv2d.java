package org.stridelab.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A parameterised hypercomplex convolution (Grassucci et al.): the weight is a
 * sum of Kronecker products {@code W = sum_i A_i (x) F_i}, with A of shape
 * [n, n, n] (the learned algebra) and F of shape [n, out/n, in/n, k, k], so
 * {@code W[a*(out/n)+p, b*(in/n)+q] = sum_i A[i,a,b] F[i,p,q]}: about 1/n of
 * the parameters of an ordinary convolution.
 *
 * <p>The weight is assembled with one GEMM and one permutation per forward and
 * fed to the ordinary convolution; backward maps the gradient of the assembled
 * weight onto A and F with two more GEMMs:
 * {@code dA_i[a,b] = <G[a,b], F_i>} and {@code dF_i = sum_ab A_i[a,b] G[a,b]}.
 */
public final class PhcConv2d implements ConvLayer {
    private final String name;
    private final int n;
    private final int out;
    private final int in;
    private final int kernel;
    private final Parameter algebra;
    private final Parameter filters;
    private final Parameter assembled;
    private final Conv2d conv;

    public PhcConv2d(String name, int n, int in, int out, int kernel, int stride, int padding, long seed) {
        if (n < 2 || in % n != 0 || out % n != 0) {
            throw new IllegalArgumentException("PHC order " + n + " needs channel counts divisible by it; got " + in
                    + " -> " + out);
        }
        this.name = name;
        this.n = n;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        var type = Nd4j.defaultFloatingPointType();
        // Var(W) = n Var(A) Var(F). With Var(A) = 1/n the assembled weight has the
        // variance of F, which is set to He's 2 / fan_in, so deep networks train.
        INDArray a = Nd4j.randn(seed, new long[]{n, n, n}).castTo(type).muli(Math.sqrt(1.0 / n));
        INDArray f = Nd4j.randn(seed + 7, new long[]{n, out / n, in / n, kernel, kernel}).castTo(type)
                .muli(Math.sqrt(2.0 / (in * kernel * kernel)));
        this.algebra = Parameter.weight(name + ".phcA", a);
        this.filters = Parameter.weight(name + ".phcF", f);
        this.assembled = new Parameter(name + ".weight", Nd4j.zeros(type, out, in, kernel, kernel), false, 1);
        this.conv = new Conv2d(assembled, kernel, stride, padding);
        assemble();
    }

    public String name() {
        return name;
    }

    /** A copy of the algebra as {@code [i][a][b]}, safe to hand to another thread. */
    public float[][][] algebraCopy() {
        float[] flat = algebra.value().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(n * n * n)
                .toFloatVector();
        float[][][] out = new float[n][n][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < n; a++) {
                System.arraycopy(flat, (i * n + a) * n, out[i][a], 0, n);
            }
        }
        return out;
    }

    public int order() {
        return n;
    }

    /** The learned algebra A [n, n, n] (a live array: copy before handing it to another thread). */
    public INDArray algebra() {
        return algebra.value();
    }

    /** The assembled weight [out, in, k, k], as the last forward used it. */
    public INDArray weight() {
        return assembled.value();
    }

    /** W = sum_i A_i (x) F_i into the assembled weight's array. */
    void assemble() {
        long blockSize = (long) (out / n) * (in / n) * kernel * kernel;
        // [n*n (a,b), n (i)] x [n (i), P] -> T[a, b, p, q, kh, kw]
        INDArray aT = algebra.value().reshape(n, n * n);
        INDArray t = Nd4j.createUninitialized(aT.dataType(), n * n, blockSize);
        Nd4j.gemm(aT, filters.value().reshape(n, blockSize), t, true, false, 1.0, 0.0);
        INDArray w = t.reshape(n, n, out / n, in / n, kernel, kernel).permute(0, 2, 1, 3, 4, 5);
        assembled.value().assign(w.reshape('c', out, in, kernel, kernel));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        assemble();
        return conv.forward(x, training);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        assembled.zeroGrad();
        INDArray gradIn = conv.backward(gradOut);
        long blockSize = (long) (out / n) * (in / n) * kernel * kernel;
        // G[a, b, p, q, kh, kw] from the weight gradient [a*(out/n)+p, b*(in/n)+q, kh, kw].
        INDArray g = assembled.grad().reshape(n, out / n, n, in / n, kernel, kernel).permute(0, 2, 1, 3, 4, 5)
                .dup('c').reshape(n * n, blockSize);
        INDArray fFlat = filters.value().reshape(n, blockSize);
        // dA^T [ab, i] = G x F^T
        INDArray dAT = Nd4j.createUninitialized(g.dataType(), n * n, n);
        Nd4j.gemm(g, fFlat, dAT, false, true, 1.0, 0.0);
        algebra.grad().reshape(n, n * n).addi(dAT.transpose());
        // dF [i, P] = A_flat [i, ab] x G
        Nd4j.gemm(algebra.value().reshape(n, n * n), g, filters.grad().reshape(n, blockSize), false, false, 1.0,
                1.0);
        return gradIn;
    }

    @Override
    public void dropInputGradient() {
        conv.dropInputGradient();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(algebra, filters);
    }

    @Override
    public int outputSize(int inputSize) {
        return conv.outputSize(inputSize);
    }

    @Override
    public long multiplyAdds(int height, int width) {
        return conv.multiplyAdds(height, width);
    }

    @Override
    public void clearCache() {
        conv.clearCache();
    }
}
