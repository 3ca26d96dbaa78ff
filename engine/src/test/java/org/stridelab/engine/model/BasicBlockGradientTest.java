package org.stridelab.engine.model;

import org.stridelab.engine.nn.DoublePrecision;

import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.GradientCheck;

/** A whole residual block (both paths, batch norms in training mode) against finite differences. */
@ExtendWith(DoublePrecision.class)
class BasicBlockGradientTest {

    @Test
    void identityShortcutBlock() {
        BasicBlock block = new BasicBlock("b", 3, 3, null, 21);
        GradientCheck.check(block, GradientCheck.randn(22, 4, 5, 5, 3), true, 60, 1e-4);
    }

    @Test
    void projectionBlockWithStride2() {
        BasicBlock block = new BasicBlock("b", 2, 4, new StridedSite(2), 23);
        INDArray x = GradientCheck.randn(24, 4, 6, 6, 2);
        assertArrayEquals(new long[]{4, 3, 3, 4}, block.forward(x, true).shape());
        GradientCheck.check(block, x, true, 60, 1e-4);
    }

    @Test
    void spectralBlockSharesOnePoolingBetweenBothPaths() {
        BasicBlock block = new BasicBlock("b", 2, 3,
                org.stridelab.engine.model.SpectralDownsamplingSite.fixed("s", 2, 1.5), 25);
        INDArray x = GradientCheck.randn(26, 3, 8, 8, 2);
        assertArrayEquals(new long[]{3, 4, 5, 3}, block.forward(x, true).shape());
        GradientCheck.check(block, x, true, 60, 1e-4);
    }

    @Test
    void diffStrideBlockGradientsIncludeTheStrides() {
        var site = org.stridelab.engine.model.SpectralDownsamplingSite.learned("s", 1.7, 2.3,
                org.stridelab.engine.spectral.DiffStride.Options.defaults());
        BasicBlock block = new BasicBlock("b", 2, 2, site, 27);
        INDArray x = GradientCheck.randn(28, 2, 12, 12, 2);
        // The block's own parameters() omit the site's strides; check those through a wrapper.
        org.stridelab.engine.nn.Layer withStrides = new org.stridelab.engine.nn.Layer() {
            @Override
            public INDArray forward(INDArray in, boolean training) {
                return block.forward(in, training);
            }

            @Override
            public INDArray backward(INDArray g) {
                return block.backward(g);
            }

            @Override
            public java.util.List<org.stridelab.engine.nn.Parameter> parameters() {
                return site.parameters();
            }
        };
        GradientCheck.check(withStrides, x, true, 40, 1e-4);
    }
}
