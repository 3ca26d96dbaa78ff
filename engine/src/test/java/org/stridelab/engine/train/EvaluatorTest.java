package org.stridelab.engine.train;

import org.stridelab.engine.config.Settings;

import org.stridelab.engine.config.RunConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stridelab.engine.model.ResNet18;

/** The evaluation that training and {@code stridelab evaluate} share, when memory runs short. */
class EvaluatorTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(10, 80);

    private static ResNet18 tiny() {
        return new ResNet18(RunConfig.builder().set(Settings.WIDTH, 0.125).build().modelConfig());
    }

    @Test
    void halvesTheBatchUntilItFitsAndStillCountsEveryImage() {
        ResNet18 model = tiny();
        int[] refused = {0};
        model.setActivationRecorder((site, where, a) -> {
            if (a.size(0) > 16) {
                refused[0]++;
                throw new OutOfMemoryError("Physical memory usage is too high (simulated)");
            }
        });
        Evaluation e = Evaluator.evaluateWithinMemory(model, DATA.splits().test(), 64, () -> { });
        assertEquals(DATA.splits().test().size(), e.images(), "64 and 32 ran out; 16 evaluated every image");
        assertEquals(2, refused[0]);
    }

    @Test
    void givesUpBelowTheSmallestBatch() {
        ResNet18 model = tiny();
        model.setActivationRecorder((site, where, a) -> {
            throw new OutOfMemoryError("Physical memory usage is too high (simulated)");
        });
        assertThrows(OutOfMemoryError.class,
                () -> Evaluator.evaluateWithinMemory(model, DATA.splits().test(), 64, () -> { }));
    }
}
