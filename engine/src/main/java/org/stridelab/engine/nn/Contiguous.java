package org.stridelab.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether an array's elements lie in one dense c-order run (from its offset),
 * so that kernels and GEMMs can read its buffer directly. Checked on the
 * strides, not on {@code isView()}: ND4J marks every reshape as a view, and
 * treating those as scattered sent batch norm down its slow path and made
 * GEMM callers copy arrays that were already dense.
 */
final class Contiguous {

    private Contiguous() {
    }

    static boolean is(INDArray a) {
        return a.ordering() == 'c' && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
    }

    /**
     * The float elements of a dense array as a buffer indexed from its first
     * element: the Java kernels read and write the off-heap memory through it.
     */
    static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat().position((int) a.offset()).slice();
    }

    /** {@code a} itself when dense, else a dense copy. */
    static INDArray of(INDArray a) {
        return is(a) ? a : a.dup('c');
    }
}
