package org.stridelab.engine.model;

import org.stridelab.engine.nn.Conv2d;
import org.stridelab.engine.nn.ConvLayer;
import org.stridelab.engine.nn.PhcConv2d;

/** Makes the convolutions of the network: ordinary ones, or PHC ones for the light variant. */
@FunctionalInterface
public interface ConvFactory {
    ConvFactory REAL = Conv2d::new;

    ConvLayer create(String name, int in, int out, int kernel, int stride, int padding, long seed);

    /**
     * PHC convolutions of order n wherever both channel counts divide by n; an
     * ordinary convolution elsewhere (the RGB stem for n = 2 or 4: 3 channels
     * do not split into n parts, and padding the image with a fake fourth
     * channel would change the data).
     */
    static ConvFactory phc(int n) {
        return (name, in, out, kernel, stride, padding, seed) -> in % n == 0 && out % n == 0
                ? new PhcConv2d(name, n, in, out, kernel, stride, padding, seed)
                : new Conv2d(name, in, out, kernel, stride, padding, seed);
    }

    static ConvFactory forConfig(ModelConfig config) {
        return config.phc() >= 2 ? phc(config.phc()) : REAL;
    }
}
