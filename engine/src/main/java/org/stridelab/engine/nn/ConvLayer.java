package org.stridelab.engine.nn;

/** A 2-D convolution as ResNet uses it: ordinary ({@link Conv2d}) or hypercomplex ({@link PhcConv2d}). */
public interface ConvLayer extends Layer {

    /** Output side for an input side. */
    int outputSize(int inputSize);

    /** Multiply-adds per image for an input of the given size. */
    long multiplyAdds(int height, int width);

    /**
     * For a layer whose input is the data (the stem): backward then adds only the
     * weight gradients and returns null, skipping the input gradient nobody reads.
     */
    void dropInputGradient();

    /** Trainable values of this convolution. */
    default long parameterCount() {
        return parameters().stream().mapToLong(Parameter::size).sum();
    }
}
