package org.stridelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.nn.ConvLayer;
import org.stridelab.engine.nn.DoublePrecision;
import org.stridelab.engine.nn.GradientCheck;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.spectral.DiffStride;

/**
 * The block pools its shortcut before the 1x1 conv instead of after it. That is
 * only allowed because the two commute: the same output, input gradient, weight
 * gradient and stride gradient either way (double precision, DiffStride with
 * learned non-integer strides, ordinary and PHC convolutions).
 */
@ExtendWith(DoublePrecision.class)
class ShortcutPoolingCommutesTest {

    @ParameterizedTest(name = "PHC order {0}")
    @ValueSource(ints = {0, 2})
    void poolThenConvEqualsConvThenPool(int phc) {
        ConvFactory convs = phc == 0 ? ConvFactory.REAL : ConvFactory.phc(phc);
        Order poolFirst = new Order(convs, true);
        Order convFirst = new Order(convs, false);
        INDArray x = GradientCheck.randn(31, 3, 12, 10, 4);

        INDArray yPool = poolFirst.forward(x);
        INDArray yConv = convFirst.forward(x);
        assertArrayEquals(yConv.shape(), yPool.shape());
        assertClose(yConv, yPool, "output");

        INDArray g = GradientCheck.randn(32, yPool.shape());
        assertClose(convFirst.backward(g), poolFirst.backward(g), "input gradient");
        assertClose(convFirst.conv.parameters().get(0).grad(), poolFirst.conv.parameters().get(0).grad(),
                "weight gradient");
        for (int i = 0; i < 2; i++) {
            double expected = convFirst.stride().grad().getDouble(i);
            assertTrue(Math.abs(expected) > 1e-6, "the stride gradient is not trivially zero");
            assertEquals(expected, poolFirst.stride().grad().getDouble(i), 1e-9 * (1 + Math.abs(expected)),
                    "stride gradient " + i);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = 1 + expected.norm2Number().doubleValue();
        double diff = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(diff <= 1e-10 * scale, what + " differs by " + diff + " (norm " + scale + ")");
    }

    /** A 1x1 conv (4 -> 6 channels) and a DiffStride branch, in one of the two orders. */
    private static final class Order {
        final ConvLayer conv;
        final DiffStride pool;
        final Layer branch;
        final boolean poolFirst;

        Order(ConvFactory convs, boolean poolFirst) {
            this.conv = convs.create("shortcut", 4, 6, 1, 1, 0, 33);
            this.pool = new DiffStride("s", 1.7, 2.3, DiffStride.Options.defaults());
            this.branch = pool.newChannelsLastBranch();
            this.poolFirst = poolFirst;
        }

        INDArray forward(INDArray x) {
            return poolFirst ? conv.forward(branch.forward(x, true), true)
                    : branch.forward(conv.forward(x, true), true);
        }

        INDArray backward(INDArray g) {
            return poolFirst ? branch.backward(conv.backward(g)) : conv.backward(branch.backward(g));
        }

        Parameter stride() {
            return pool.parameters().get(0);
        }
    }
}
