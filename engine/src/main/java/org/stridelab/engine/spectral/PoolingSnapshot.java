package org.stridelab.engine.spectral;


/** Sizes and masks of a pooling's last forward, as plain values any thread may read. */
record PoolingSnapshot(int inputHeight, int inputWidth, int outputHeight, int outputWidth,
                       float[] rowMask, float[] columnMask) {

    static final PoolingSnapshot NONE = new PoolingSnapshot(0, 0, 0, 0, new float[0], new float[0]);

    static PoolingSnapshot of(AxisCrop rows, AxisCrop columns) {
        return new PoolingSnapshot(rows.inputSize(), columns.inputSize(), rows.outputSize(), columns.outputSize(),
            rows.maskAsFloats(), columns.maskAsFloats());
    }

    PoolingState toState(String name, double strideHeight, double strideWidth) {
        return new PoolingState(name, strideHeight, strideWidth, inputHeight, inputWidth, outputHeight, outputWidth,
            rowMask.clone(), columnMask.clone());
    }
}
