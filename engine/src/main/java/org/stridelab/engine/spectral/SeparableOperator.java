package org.stridelab.engine.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code y = A1 x B1^T - A2 x B2^T} as GEMMs over the whole batch. The map
 * arrives channels-last and is made [N, C, H, W] once, so that both GEMMs
 * contract the innermost axis of the large operand (OpenBLAS ran that form 2-2.5x
 * faster here than one contracting the outermost axis, as channels-last would
 * need); the output-sized results go straight back to channels-last with one
 * permute. Layouts (NC = N*C):
 * <pre>
 * forward:  x [N, H, W, C] --permute--> [(nc,y), x]  --B_k, x^T-->  T_k [q, (nc,y)] = [(q,nc), y]
 *           T_1 A1^T - T_2 A2^T           Y   [(q,nc), n]  --permute-->  y [N, h, w, C]
 * backward: g [N, h, w, C] --permute--> G [(q,nc), n]
 *           U_k = G A_k                   [(q,nc), y] = [q, (nc,y)]
 *           U_1^T B1 - U_2^T B2           dx  [(nc,y), x]  --permute-->  [N, H, W, C]
 * strides:  dL/dA_k = +-G^T T_k  [h, H],  dL/dB_k = +-U_k x  [w, W]
 * T_1/T_2 and U_1/U_2 are the row blocks of one array each, so the passes that
 * read the large input or write the input gradient run once, not twice.
 * </pre>
 * Transposed operands are left to the GEMM, which handled them as fast as
 * plain ones here; ND4J's permute-and-copy costs two to three plain copies, so
 * each pass makes exactly two: one of the input-sized map, one of the output-sized.
 */
final class SeparableOperator extends SpectralOperator {
    private final INDArray a1;
    private final INDArray a2;
    private final INDArray b1;
    private final INDArray b2;
    /** [B1; B2]: both column transforms in one GEMM, reading the (large) input once. */
    private final INDArray b12;
    /** [B1; -B2]: the adjoint's column step as one GEMM over the stacked U_1, U_2. */
    private final INDArray b1MinusB2;
    private final double[] da1;
    private final double[] da2;
    private final double[] db1;
    private final double[] db2;

    SeparableOperator(AxisOperator rows, AxisOperator columns, DataType dataType) {
        super(rows, columns, dataType);
        a1 = matrix(rows.re(), outputHeight, inputHeight, dataType);
        a2 = matrix(rows.im(), outputHeight, inputHeight, dataType);
        b1 = matrix(columns.re(), outputWidth, inputWidth, dataType);
        b2 = matrix(columns.im(), outputWidth, inputWidth, dataType);
        b12 = Nd4j.vstack(b1, b2);
        INDArray minusB2 = b2.neg();
        b1MinusB2 = Nd4j.vstack(b1, minusB2);
        minusB2.close();
        da1 = rows.dRe();
        da2 = rows.dIm();
        db1 = columns.dRe();
        db2 = columns.dIm();
    }

    @Override
    java.util.List<INDArray> matrices() {
        return java.util.List.of(a1, a2, b1, b2, b12, b1MinusB2);
    }

    @Override
    Forward forward(INDArray input, boolean keepForStrideGradient) {
        checkInput(input);
        long n = input.size(0);
        long c = input.size(3);
        long nc = n * c;
        INDArray x2 = toChannelsFirst(input).reshape('c', nc * inputHeight, inputWidth);
        // T_1 and T_2 are the two row blocks of one result: the input is read once.
        INDArray t12 = Nd4j.createUninitialized(dataType, 2L * outputWidth, nc * inputHeight);
        Nd4j.gemm(b12, x2, t12, false, true, 1.0, 0.0);
        INDArray t1 = t12.get(NDArrayIndex.interval(0, outputWidth), NDArrayIndex.all());
        INDArray t2 = t12.get(NDArrayIndex.interval(outputWidth, 2L * outputWidth), NDArrayIndex.all());
        INDArray y2 = Nd4j.createUninitialized(dataType, outputWidth * nc, outputHeight);
        Nd4j.gemm(t1.reshape('c', outputWidth * nc, inputHeight), a1, y2, false, true, 1.0, 0.0);
        Nd4j.gemm(t2.reshape('c', outputWidth * nc, inputHeight), a2, y2, false, true, -1.0, 1.0);
        INDArray y = y2.reshape('c', outputWidth, n, c, outputHeight).permute(1, 3, 0, 2).dup('c');
        return new Forward(y, keepForStrideGradient ? new INDArray[] {x2, t1, t2} : null);
    }

    @Override
    Backward backward(Forward forward, INDArray gradOutput, boolean strideGradients) {
        checkGradient(gradOutput);
        long n = gradOutput.size(0);
        long c = gradOutput.size(3);
        long nc = n * c;
        INDArray g = gradOutput.permute(2, 0, 3, 1).dup('c').reshape('c', outputWidth * nc, outputHeight);
        // U_1 and U_2 stacked in one array, so that the column step of the adjoint
        // (U_1^T B1 - U_2^T B2) and the stride gradient of the columns are one GEMM each.
        long rows = outputWidth * nc;
        INDArray u12 = Nd4j.createUninitialized(dataType, 2 * rows, inputHeight);
        Nd4j.gemm(g, a1, u12.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()), false, false, 1.0, 0.0);
        Nd4j.gemm(g, a2, u12.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all()), false, false, 1.0,
            0.0);
        INDArray u12v = u12.reshape('c', 2L * outputWidth, nc * inputHeight);
        INDArray gradIn = Nd4j.createUninitialized(dataType, nc * inputHeight, inputWidth);
        Nd4j.gemm(u12v, b1MinusB2, gradIn, true, false, 1.0, 0.0);

        double gh = 0;
        double gw = 0;
        if (strideGradients) {
            INDArray[] saved = requireSaved(forward);
            INDArray x2 = saved[0];
            INDArray t1 = saved[1].reshape('c', outputWidth * nc, inputHeight);
            INDArray t2 = saved[2].reshape('c', outputWidth * nc, inputHeight);
            // dL/dA_k summed over the batch: contractions over (q, nc), tiny [h, H] results
            INDArray gA1 = Nd4j.createUninitialized(dataType, outputHeight, inputHeight);
            INDArray gA2 = Nd4j.createUninitialized(dataType, outputHeight, inputHeight);
            Nd4j.gemm(g, t1, gA1, true, false, 1.0, 0.0);
            Nd4j.gemm(g, t2, gA2, true, false, 1.0, 0.0);
            gh = dot(da1, gA1) - dot(da2, gA2);
            // dL/dB_k: contractions over (nc, y), tiny [w, W] results, both from one pass over x
            INDArray gB12 = Nd4j.createUninitialized(dataType, 2L * outputWidth, inputWidth);
            Nd4j.gemm(u12v, x2, gB12, false, false, 1.0, 0.0);
            gw = dot(db1, gB12.get(NDArrayIndex.interval(0, outputWidth), NDArrayIndex.all()))
                - dot(db2, gB12.get(NDArrayIndex.interval(outputWidth, 2L * outputWidth), NDArrayIndex.all()));
        }
        return new Backward(toChannelsLast(gradIn.reshape('c', n, c, inputHeight, inputWidth)), gh, gw);
    }
}
