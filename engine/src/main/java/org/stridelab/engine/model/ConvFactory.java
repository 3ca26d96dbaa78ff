package org.stridelab.engine.model;

import org.stridelab.engine.nn.Conv2d;

/** Makes the convolutions of the network: ordinary ones, or PHC ones for the light variant. */
@FunctionalInterface
public interface ConvFactory {
    ConvFactory REAL = Conv2d::new;

    Conv2d create(String name, int in, int out, int kernel, int stride, int padding, long seed);
}
