package org.stridelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.Parameter;

class ResNet18Test {

    static ModelConfig config(DownsamplingMethod m, double width, double... strides) {
        return new ModelConfig(m, strides, width, org.stridelab.engine.spectral.DiffStride.Options.defaults(), 0, 10, 1);
    }

    @Test
    void fullWidthStridedNetworkHasTheStandardParameterCount() {
        // The CIFAR ResNet-18 (3x3 stem, no bias in convs, BN, 1x1 projections): 11,173,962 parameters.
        ResNet18 net = new ResNet18(config(DownsamplingMethod.STRIDED, 1, 2, 2, 2));
        assertEquals(11_173_962, net.parameterCount());
        // About 0.56 G multiply-adds per 32x32 image.
        long macs = net.multiplyAdds(32, 32);
        assertTrue(macs > 550_000_000L && macs < 560_000_000L, "multiply-adds " + macs);
    }

    @Test
    void widthMultiplierScalesFilters() {
        assertArrayEquals(new int[]{16, 32, 64, 128}, config(DownsamplingMethod.STRIDED, 0.25, 2, 2, 2).filters());
        assertArrayEquals(new int[]{8, 16, 32, 64}, config(DownsamplingMethod.STRIDED, 0.125, 2, 2, 2).filters());
    }

    @Test
    void logitsHaveOneRowPerImageForEveryMethod() {
        for (DownsamplingMethod m : DownsamplingMethod.values()) {
            ResNet18 net = new ResNet18(config(m, 0.125, 3, 1, 2));
            INDArray logits = net.forward(Nd4j.randn(1, new long[]{4, 3, 32, 32}), false);
            assertArrayEquals(new long[]{4, 10}, logits.shape(), m.cliName());
        }
    }

    @Test
    void spectralSitesShareStridesAndListThemOnce() {
        ResNet18 net = new ResNet18(config(DownsamplingMethod.DIFFSTRIDE, 0.125, 2, 2, 2));
        assertEquals(4, net.sites().size(), "stem and three stages");
        var seen = new IdentityHashMap<Parameter, Boolean>();
        for (Parameter p : net.parameters()) {
            assertTrue(seen.put(p, true) == null, "listed twice: " + p.name());
        }
        long strides = net.parameters().stream().filter(p -> !p.weightDecay() && p.size() == 2).count();
        assertEquals(4, strides);
    }

    @Test
    void stridesDriveTheCost() {
        long cheap = new ResNet18(config(DownsamplingMethod.SPECTRAL, 0.25, 3, 2, 3)).multiplyAdds(32, 32);
        long dear = new ResNet18(config(DownsamplingMethod.SPECTRAL, 0.25, 2, 2, 2)).multiplyAdds(32, 32);
        assertTrue(cheap < dear, cheap + " vs " + dear);
    }

    @Test
    void stridedConvolutionRefusesFractionalStrides() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> config(DownsamplingMethod.STRIDED, 1, 1.5, 2, 2));
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
    }

    @Test
    void phcDividesTheConvolutionParametersByAboutN() {
        for (int n : new int[]{2, 3, 4}) {
            ModelConfig real = new ModelConfig(DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 1, org.stridelab.engine.spectral.DiffStride.Options.defaults(), 0, 10, 1);
            ModelConfig phc = new ModelConfig(DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 1, org.stridelab.engine.spectral.DiffStride.Options.defaults(), n, 10, 1);
            for (int f : phc.filters()) {
                assertEquals(0, f % n, "filters divisible by " + n);
            }
            double ratio = (double) new ResNet18(real).parameterCount() / new ResNet18(phc).parameterCount();
            assertTrue(ratio > 0.85 * n && ratio < 1.1 * n, "n=" + n + ": ratio " + ratio);
        }
    }

    @Test
    void phcOrder3UsesWidthsRoundedToMultiplesOf3() {
        ModelConfig phc = new ModelConfig(DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 1, org.stridelab.engine.spectral.DiffStride.Options.defaults(), 3, 10, 1);
        assertArrayEquals(new int[]{63, 129, 255, 513}, phc.filters());
    }
}
