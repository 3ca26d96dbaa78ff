package org.stridelab.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;

class ConfigDraftTest {

    @Test
    void theLabDefaultsAreValid() {
        ConfigDraft.Result r = parse(Map.of(), DownsamplingMethod.STRIDED);
        assertTrue(r.valid(), r.all().toString());
        assertEquals(RunConfig.defaults(), r.config());
    }

    @Test
    void fractionalStrideForStridedConvolutionIsTheEnginesProblem() {
        ConfigDraft.Result r = parse(Map.of(Settings.STRIDES, "1.5,2,2"), DownsamplingMethod.STRIDED);
        assertFalse(r.valid());
        List<String> p = r.problems().get(Settings.STRIDES);
        // the message is RunConfig.problems()'s own, word for word
        RunConfig same = RunConfig.builder().set(Settings.STRIDES, new double[] {1.5, 2, 2}).build();
        assertEquals(same.problems(), p);
        assertTrue(p.get(0).contains("integer"));
    }

    @Test
    void settingsTheFormDoesNotShowKeepTheBasesValues() {
        RunConfig base = RunConfig.builder().set(Settings.MOMENTUM, 0.5).set(Settings.PATIENCE, 3).build();
        ConfigDraft.Result r = ConfigDraft.parse(new LinkedHashMap<>(Map.of(Settings.WIDTH, "0.5")), base);
        assertEquals(0.5, r.config().model().width());
        assertEquals(0.5, r.config().optimiser().momentum());
        assertEquals(3, r.config().schedule().patience());
    }

    @Test
    void batchZeroIsMarkedOnTheBatchField() {
        ConfigDraft.Result r = parse(Map.of(Settings.BATCH_SIZE, "0"), DownsamplingMethod.STRIDED);
        assertFalse(r.valid());
        assertEquals(List.of(Settings.BATCH_SIZE), List.copyOf(r.problems().keySet()));
        assertEquals("batch size must be in [1, 4096], got 0", r.problems().get(Settings.BATCH_SIZE).get(0));
    }

    @Test
    void textThatIsNoNumberIsExplainedAndBlocksTheConfig() {
        ConfigDraft.Result r = parse(Map.of(Settings.LEARNING_RATE, "fast", Settings.EPOCHS, "2.5"),
                DownsamplingMethod.STRIDED);
        assertNull(r.config());
        assertEquals("learning rate: 'fast' is not a number", r.problems().get(Settings.LEARNING_RATE).get(0));
        assertEquals("epochs: '2.5' is not a whole number", r.problems().get(Settings.EPOCHS).get(0));
    }

    @Test
    void everyFieldProblemOfTheEngineFindsItsField() {
        ConfigDraft.Result r = parse(Map.of(Settings.WIDTH, "9", Settings.SMOOTHNESS, "-1",
                Settings.MIXUP, "-2", Settings.TRAIN_LIMIT, "-5", Settings.LEARNING_RATE, "0"),
                DownsamplingMethod.DIFFSTRIDE);
        for (Setting<?> f : List.of(Settings.WIDTH, Settings.SMOOTHNESS, Settings.MIXUP, Settings.TRAIN_LIMIT,
                Settings.LEARNING_RATE)) {
            assertTrue(r.problems().containsKey(f), f + " in " + r.problems());
        }
        assertTrue(r.general().isEmpty(), r.general().toString());
    }

    @Test
    void aProblemOfASettingTheFormDoesNotShowIsListedApart() {
        RunConfig base = RunConfig.builder().set(Settings.MOMENTUM, 2.0).build();
        ConfigDraft.Result r = ConfigDraft.parse(new LinkedHashMap<>(Map.of(Settings.WIDTH, "0.5")), base);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(List.of("momentum must be in [0, 1), got 2"), r.general());
    }

    @Test
    void aMissingDataFolderIsCaughtBeforeStart() {
        ConfigDraft.Result r = parse(Map.of(Settings.DATA_SOURCE, "/no/such/dataset"), DownsamplingMethod.STRIDED);
        assertTrue(r.problems().get(Settings.DATA_SOURCE).get(0).contains("no such folder"));
    }

    @Test
    void fractionalStridesAreFineForSpectralMethodsAsFarAsTheRulesGo() {
        ConfigDraft.Result r = parse(Map.of(Settings.STRIDES, "1.5,2.5,3"), DownsamplingMethod.DIFFSTRIDE);
        assertFalse(r.problems().containsKey(Settings.STRIDES));
        // whether the engine build can train it yet is a separate, clearly worded method problem
        String support = MethodSupport.problem(DownsamplingMethod.DIFFSTRIDE);
        assertEquals(support.isEmpty(), !r.problems().containsKey(Settings.METHOD));
    }

    @Test
    void thePhcOrderReachesTheConfigAndTheEnginesRuleMarksItsField() {
        ConfigDraft.Result four = parse(Map.of(Settings.PHC, "4"), DownsamplingMethod.STRIDED);
        assertTrue(four.valid(), four.all().toString());
        assertEquals(4, four.config().model().phc());
        ConfigDraft.Result five = parse(Map.of(Settings.PHC, "5"), DownsamplingMethod.STRIDED);
        assertFalse(five.valid());
        assertEquals(List.of(Settings.PHC), List.copyOf(five.problems().keySet()));
        assertEquals(RunConfig.builder().set(Settings.PHC, 5).build().problems(), five.problems().get(Settings.PHC),
                "RunConfig.problems()'s own words");
    }

    private static ConfigDraft.Result parse(Map<Setting<?>, String> text, DownsamplingMethod m) {
        Map<Setting<?>, String> all = new LinkedHashMap<>(text);
        all.put(Settings.METHOD, m.cliName());
        return ConfigDraft.parse(all, RunConfig.defaults());
    }
}
