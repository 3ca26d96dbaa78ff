package org.stridelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureMapsTest {

    private static float[] image() {
        float[] img = new float[3 * 32 * 32];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) Math.sin(i * 0.37);
        }
        return img;
    }

    @Test
    void stridedSitesShowTheBlockInputAndItsStridedConvolution() {
        ResNet18 net = new ResNet18(ResNet18Test.config(DownsamplingMethod.STRIDED, 0.125, 2, 2, 2));
        FeatureMaps maps = FeatureMaps.capture(net, image(), 4);
        assertEquals(3, maps.sites().size());
        FeatureMaps.Site s2 = maps.sites().get(0);
        assertEquals("stage2", s2.name());
        assertEquals(4, s2.before().length);
        assertEquals(32, s2.before()[0].length);
        assertEquals(16, s2.after()[0].length, "stride 2 halves the map");
    }

    @Test
    void diffStrideSitesShowTheMapsAroundThePooling() {
        ResNet18 net = new ResNet18(ResNet18Test.config(DownsamplingMethod.DIFFSTRIDE, 0.125, 2, 2, 2));
        FeatureMaps maps = FeatureMaps.capture(net, image(), 3);
        assertEquals(Arrays.asList("stem", "stage2", "stage3", "stage4"),
                maps.sites().stream().map(FeatureMaps.Site::name).toList());
        FeatureMaps.Site s2 = maps.sites().get(1);
        int[] predicted = net.sites().get(1).site().outputSize(32, 32);
        assertEquals(predicted[0], s2.after()[0].length);
        assertEquals(predicted[1], s2.after()[0][0].length);
        assertTrue(s2.before()[0].length > s2.after()[0].length);
    }
}
