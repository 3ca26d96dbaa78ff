package org.stridelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;

class RunConfigTest {

    @Test
    void defaultsAreValid() {
        assertTrue(RunConfig.defaults().problems().isEmpty(), RunConfig.defaults().problems().toString());
    }

    @Test
    void everyBadValueIsExplained() {
        RunConfig bad = RunConfig.builder().name("a b").strides(new double[]{1.5, 2, 0.5}).batchSize(0)
                .learningRate(-1).mixupAlpha(-0.1).phc(5).build();
        String all = String.join("\n", bad.problems());
        for (String expected : new String[]{"name", "strides", "batch size", "learning rate", "mixup", "phc"}) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        var e = assertThrows(IllegalArgumentException.class, bad::validated);
        assertTrue(e.getMessage().contains("learning rate"));
    }

    @Test
    void fractionalStridesOnlyForSpectralMethods() {
        RunConfig strided = RunConfig.builder().strides(new double[]{3, 1.5, 2}).build();
        assertTrue(strided.problems().stream().anyMatch(p -> p.contains("integer strides")));
        assertTrue(strided.toBuilder().method(DownsamplingMethod.DIFFSTRIDE).build().problems().isEmpty());
    }

    @Test
    void batchLargerThanTheTrainLimitIsRefusedBeforeStart() {
        RunConfig c = RunConfig.builder().trainLimit(100).batchSize(128).build();
        assertTrue(c.problems().stream().anyMatch(p -> p.contains("train limit")), c.problems().toString());
    }

    @Test
    void jsonRoundTripKeepsEveryField(@TempDir Path dir) throws Exception {
        RunConfig c = RunConfig.builder().name("x").method(DownsamplingMethod.DIFFSTRIDE)
                .strides(new double[]{3, 1.5, 2}).strideMin(1.2).costLambda(0.01).mixupAlpha(0.2).seed(9).build();
        Json.writeAtomically(dir.resolve("c.json"), c);
        assertEquals(c, Json.read(dir.resolve("c.json"), RunConfig.class));
    }

    @Test
    void everyProblemNamesTheSettingItIsAbout() {
        RunConfig bad = RunConfig.builder().name("bad name").strides(new double[]{2, 1.5, 2}).width(9)
                .learningRate(-1).batchSize(0).mixupAlpha(-1).trainLimit(-3).smoothness(-1).build();
        java.util.Set<String> settings = java.util.Arrays.stream(RunConfig.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, String> byField = new java.util.HashMap<>();
        for (ConfigProblem p : bad.checks()) {
            assertTrue(settings.contains(p.field()), "a real setting: " + p.field());
            byField.put(p.field(), p.message());
        }
        assertTrue(byField.get("strides").startsWith("strided convolution needs integer strides"));
        assertTrue(byField.keySet().containsAll(java.util.List.of("name", "width", "learningRate", "batchSize",
                "mixupAlpha", "trainLimit", "smoothness")), byField.toString());
        assertEquals(bad.problems(), bad.checks().stream().map(ConfigProblem::message).toList());
    }
}
