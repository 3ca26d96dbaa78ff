package org.stridelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stridelab.engine.model.DownsamplingMethod;

class RunPresetsTest {

    @Test
    void theDemoLearnsStridesFromAPoorStartQuickly() {
        RunConfig demo = RunPresets.named("Demo");
        assertTrue(demo.problems().isEmpty(), demo.problems().toString());
        assertEquals(DownsamplingMethod.DIFFSTRIDE, demo.model().method());
        assertArrayEquals(new double[]{3, 1, 3}, demo.model().strides());
        assertEquals(30.0, demo.diffStride().strideLrMultiplier());
        assertEquals(ScheduleKind.CONSTANT, demo.schedule().schedule(), "no decay: the strides keep moving");
        assertEquals(2 * 2048 / 32, demo.schedule().epochs() * demo.data().trainLimit() / demo.data().batchSize(),
                "128 steps: minutes, not the 50 of a full DiffStride run");
    }

    @Test
    void everyNameResolvesAndAnUnknownOneIsExplained() {
        for (String name : RunPresets.names()) {
            assertTrue(RunPresets.named(name).problems().isEmpty(), name);
        }
        assertEquals(RunConfig.defaults(), RunPresets.named("baseline"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunPresets.named("huge"));
        assertTrue(e.getMessage().contains("unknown preset 'huge'") && e.getMessage().contains("demo"));
    }
}
