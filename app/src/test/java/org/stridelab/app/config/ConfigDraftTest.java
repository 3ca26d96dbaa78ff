package org.stridelab.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.RunConfig;
import org.stridelab.engine.train.Optimizer;

class ConfigDraftTest {

    @Test
    void theLabDefaultsAreValid() {
        ConfigDraft.Result r = parse(Map.of(), DownsamplingMethod.STRIDED);
        assertTrue(r.valid(), r.all().toString());
        assertEquals(RunConfig.defaults().withName("run"), r.config());
    }

    @Test
    void fractionalStrideForStridedConvolutionIsTheEnginesProblem() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.STRIDES, "1.5,2,2"), DownsamplingMethod.STRIDED);
        assertFalse(r.valid());
        List<String> p = r.problems().get(ConfigField.STRIDES);
        // the message is RunConfig.problems()'s own, word for word
        RunConfig same = RunConfig.builder().strides(new double[] {1.5, 2, 2}).build();
        assertEquals(same.problems(), p);
        assertTrue(p.get(0).contains("integer"));
    }

    @Test
    void theBuilderKeepsEveryOtherFieldAtItsDefault() {
        RunConfig c = RunConfig.builder().width(0.5).method(DownsamplingMethod.DIFFSTRIDE).build();
        assertEquals(0.5, c.width());
        assertEquals(DownsamplingMethod.DIFFSTRIDE, c.method());
        assertEquals(RunConfig.defaults().batchSize(), c.batchSize());
    }

    @Test
    void batchZeroIsMarkedOnTheBatchField() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.BATCH, "0"), DownsamplingMethod.STRIDED);
        assertFalse(r.valid());
        assertEquals(List.of(ConfigField.BATCH), List.copyOf(r.problems().keySet()));
        assertTrue(r.problems().get(ConfigField.BATCH).get(0).startsWith("batch size must be in 1..4096"));
    }

    @Test
    void textThatIsNoNumberIsExplainedAndBlocksTheConfig() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.LEARNING_RATE, "fast", ConfigField.EPOCHS, "2.5"),
                DownsamplingMethod.STRIDED);
        assertNull(r.config());
        assertEquals("learning rate: 'fast' is not a number", r.problems().get(ConfigField.LEARNING_RATE).get(0));
        assertEquals("epochs: '2.5' is not a whole number", r.problems().get(ConfigField.EPOCHS).get(0));
    }

    @Test
    void everyFieldProblemOfTheEngineFindsItsField() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.WIDTH, "9", ConfigField.SMOOTHNESS, "-1",
                ConfigField.MIXUP, "-2", ConfigField.TRAIN_LIMIT, "-5", ConfigField.LEARNING_RATE, "0"),
                DownsamplingMethod.DIFFSTRIDE);
        for (ConfigField f : List.of(ConfigField.WIDTH, ConfigField.SMOOTHNESS, ConfigField.MIXUP,
                ConfigField.TRAIN_LIMIT, ConfigField.LEARNING_RATE)) {
            assertTrue(r.problems().containsKey(f), f + " in " + r.problems());
        }
        assertTrue(r.general().isEmpty(), r.general().toString());
    }

    @Test
    void aMissingDataFolderIsCaughtBeforeStart() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.DATA, "/no/such/dataset"), DownsamplingMethod.STRIDED);
        assertTrue(r.problems().get(ConfigField.DATA).get(0).contains("no such folder"));
    }

    @Test
    void fractionalStridesAreFineForSpectralMethodsAsFarAsTheRulesGo() {
        ConfigDraft.Result r = parse(Map.of(ConfigField.STRIDES, "1.5,2.5,3"), DownsamplingMethod.DIFFSTRIDE);
        assertFalse(r.problems().containsKey(ConfigField.STRIDES));
        // whether the engine build can train it yet is a separate, clearly worded method problem
        String support = MethodSupport.problem(DownsamplingMethod.DIFFSTRIDE);
        assertEquals(support.isEmpty(), !r.problems().containsKey(ConfigField.METHOD));
    }

    @Test
    void thePhcOrderReachesTheConfigAndTheEnginesRuleMarksItsField() {
        ConfigDraft.Result four = parse(Map.of(ConfigField.PHC, "4"), DownsamplingMethod.STRIDED);
        assertTrue(four.valid(), four.all().toString());
        assertEquals(4, four.config().phc());
        ConfigDraft.Result five = parse(Map.of(ConfigField.PHC, "5"), DownsamplingMethod.STRIDED);
        assertFalse(five.valid());
        assertEquals(List.of(ConfigField.PHC), List.copyOf(five.problems().keySet()));
        assertEquals(RunConfig.builder().phc(5).build().problems(), five.problems().get(ConfigField.PHC),
                "RunConfig.problems()'s own words");
    }

    private static ConfigDraft.Result parse(Map<ConfigField, String> text, DownsamplingMethod m) {
        return ConfigDraft.parse(new EnumMap<>(text.isEmpty() ? Map.of(ConfigField.SEED, "1") : text), m,
                Optimizer.Kind.SGD);
    }
}
