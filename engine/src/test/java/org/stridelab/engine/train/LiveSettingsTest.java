package org.stridelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;

class LiveSettingsTest {
    @Test
    void refusalsAreTheConfigurationsOwnReasons() {
        RunConfig strided = RunConfig.defaults();
        RunConfig diffStride = strided.toBuilder().set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE).build();
        assertTrue(LiveSettings.refusal(diffStride, Settings.SMOOTHNESS, 2.0).isEmpty());
        String reason = LiveSettings.refusal(diffStride, Settings.SMOOTHNESS, -1.0).orElseThrow();
        assertEquals(diffStride.toBuilder().set(Settings.SMOOTHNESS, -1.0).build().checks().get(0).message(), reason);
        assertTrue(LiveSettings.refusal(strided, Settings.STRIDE_LR, 5.0).orElseThrow().contains("learns no strides"));
        assertTrue(LiveSettings.refusal(diffStride, Settings.MOMENTUM, 0.5).orElseThrow().contains("cannot change"));
        assertTrue(LiveSettings.refusal(strided, Settings.LEARNING_RATE, Double.NaN).isPresent());
    }
}
