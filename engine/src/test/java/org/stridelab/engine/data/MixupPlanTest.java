package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MixupPlanTest {
    @Test
    void aChangeReachesTheFirstBatchTheLoaderHasNotBegun() {
        MixupPlan plan = new MixupPlan(0.0, 0);
        assertEquals(0.0, plan.begin(1));
        assertEquals(0.0, plan.begin(2));
        assertEquals(0.0, plan.begin(3)); // prepared ahead while step 1 trains
        assertEquals(4, plan.changeAtNextUnprepared(0.5));
        assertEquals(0.0, plan.alphaAt(3), "a batch already begun keeps its alpha");
        assertEquals(0.5, plan.begin(4));
        assertEquals(Map.of(4L, 0.5), plan.changes());
    }

    @Test
    void aRecordedChangeIsReplayedAtItsStepAndNotBeforeTheStepItWasMadeAt() {
        MixupPlan replay = new MixupPlan(0.2, 10);
        replay.changeAt(13, 1.0);
        assertEquals(0.2, replay.begin(11));
        assertEquals(0.2, replay.begin(12));
        assertEquals(1.0, replay.begin(13));
        MixupPlan early = new MixupPlan(0.2, 0);
        assertEquals(7, early.changeAtNextUnprepared(0.3, 7, step -> { }), "never before the step it was made at");
    }

    @Test
    void aChangeThatCannotBeRecordedChangesNothing() {
        MixupPlan plan = new MixupPlan(0.0, 5);
        assertThrows(IllegalStateException.class, () -> plan.changeAtNextUnprepared(0.4, 6, step -> {
            throw new IllegalStateException("disk full");
        }));
        assertEquals(0.0, plan.alphaAt(100));
        assertThrows(IllegalArgumentException.class, () -> plan.changeAtNextUnprepared(-1));
    }
}
