package org.stridelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.spectral.StrideLimits;

class SpectralDownsamplingSiteTest {

    @Test
    void fixedSite() {
        SpectralDownsamplingSite site = SpectralDownsamplingSite.fixed("stage2", 2, 2);
        assertEquals(1, site.convStride());
        Layer main = site.poolAfterMainConv().orElseThrow();
        Layer shortcut = site.poolOnShortcut().orElseThrow();
        assertNotSame(main, shortcut);
        assertSame(main, site.poolAfterMainConv().orElseThrow()); // the same layer every time it is asked
        assertTrue(site.parameters().isEmpty());
        assertArrayEquals(new int[] {16, 16}, site.outputSize(32, 32));
        // Branches take the network's channels-last maps.
        INDArray a = main.forward(Nd4j.rand(DataType.FLOAT, 2, 32, 32, 4), true);
        INDArray b = shortcut.forward(Nd4j.rand(DataType.FLOAT, 2, 32, 32, 8), true);
        assertArrayEquals(new long[] {2, 16, 16, 4}, a.shape());
        assertArrayEquals(new long[] {2, 16, 16, 8}, b.shape());
        PoolingState s = site.poolingState().orElseThrow();
        assertEquals("stage2", s.name());
        assertEquals(16, s.outputHeight());
    }

    @Test
    void learnedSiteSharesOneStrideBetweenBranches() {
        SpectralDownsamplingSite site = SpectralDownsamplingSite.learned("stage3", 2, 2, DiffStride.Options.defaults());
        assertEquals(1, site.convStride());
        assertEquals(1, site.parameters().size());
        Parameter stride = site.parameters().get(0);
        Layer main = site.poolAfterMainConv().orElseThrow();
        Layer shortcut = site.poolOnShortcut().orElseThrow();
        assertSame(stride, main.parameters().get(0), "the main branch lists the strides");
        assertTrue(shortcut.parameters().isEmpty(), "the shortcut adds to their gradient without listing them again");
        assertArrayEquals(new int[] {24, 24}, site.outputSize(32, 32));

        INDArray ym = main.forward(Nd4j.rand(DataType.FLOAT, 2, 32, 32, 4), true);
        INDArray ys = shortcut.forward(Nd4j.rand(DataType.FLOAT, 2, 32, 32, 8), true);
        assertArrayEquals(new long[] {2, 24, 24, 4}, ym.shape());
        assertArrayEquals(new long[] {2, 24, 24, 8}, ys.shape());
        stride.zeroGrad();
        main.backward(Nd4j.rand(DataType.FLOAT, ym.shape()));
        double afterMain = stride.grad().getDouble(0);
        shortcut.backward(Nd4j.rand(DataType.FLOAT, ys.shape()));
        assertTrue(stride.grad().getDouble(0) != afterMain, "the shortcut adds its own contribution");

        // output size follows the current strides
        stride.value().putScalar(0, 4.0);
        stride.value().putScalar(1, 4.0);
        assertArrayEquals(new int[] {16, 16}, site.outputSize(32, 32));
        PoolingState s = site.poolingState().orElseThrow();
        assertEquals(4.0, s.strideHeight(), 1e-6);
        assertEquals(24, s.outputHeight()); // last forward's size until the next forward
    }

    @Test
    void learnedSiteOptions() {
        SpectralDownsamplingSite site = SpectralDownsamplingSite.learned("stem", 1, 1,
            new DiffStride.Options(2, true, 0.5, new StrideLimits(1, 3)));
        DiffStride ds = (DiffStride) site.pool();
        assertTrue(ds.sharedStride());
        assertEquals(2, ds.smoothness());
        assertEquals(0.5, ds.strideParameter().learningRateMultiplier());
        assertArrayEquals(new long[] {1}, ds.strideParameter().value().shape());
        // stem at stride 1 keeps the size: 32/(32-2) clamp, the ramp reaches past the spectrum
        assertArrayEquals(new int[] {32, 32}, site.outputSize(32, 32));
        assertThrows(IllegalArgumentException.class,
            () -> SpectralDownsamplingSite.learned("x", 2, 2, DiffStride.Options.defaults().withLimits(new StrideLimits(3, 2))));
        assertThrows(IllegalArgumentException.class, () -> SpectralDownsamplingSite.fixed("x", 0, 2));
    }
}
