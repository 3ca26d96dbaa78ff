package org.stridelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        RunConfig bad = RunConfig.builder().set(Settings.NAME, "a b").set(Settings.STRIDES, new double[]{1.5, 2, 0.5})
                .set(Settings.BATCH_SIZE, 0).set(Settings.LEARNING_RATE, -1).set(Settings.MIXUP, -0.1)
                .set(Settings.PHC, 5).build();
        String all = String.join("\n", bad.problems());
        for (String expected : new String[]{"name", "strides", "batch size", "learning rate", "mixup", "PHC order"}) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        var e = assertThrows(IllegalArgumentException.class, bad::validated);
        assertTrue(e.getMessage().contains("learning rate"));
    }

    @Test
    void rangesComeFromTheDeclarations() {
        RunConfig bad = RunConfig.builder().set(Settings.LEARNING_RATE, 11).set(Settings.PHC, 1)
                .set(Settings.STRIDE_MIN, 0.5).set(Settings.MOMENTUM, 1).build();
        assertEquals(List.of("PHC order must be 0 (off) or [2, 4], got 1",
                "lower stride limit must be 0 (off) or >= 1, got 0.5",
                "learning rate must be in (0, 10], got 11",
                "momentum must be in [0, 1), got 1"), bad.problems());
        assertTrue(RunConfig.builder().set(Settings.PHC, 0).set(Settings.STRIDE_MIN, 0).build().problems().isEmpty());
    }

    @Test
    void fractionalStridesOnlyForSpectralMethods() {
        RunConfig strided = RunConfig.builder().set(Settings.STRIDES, new double[]{3, 1.5, 2}).build();
        assertTrue(strided.problems().stream().anyMatch(p -> p.contains("integer strides")));
        assertTrue(strided.toBuilder().set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE).build().problems().isEmpty());
    }

    @Test
    void batchLargerThanTheTrainLimitIsRefusedBeforeStart() {
        RunConfig c = RunConfig.builder().set(Settings.TRAIN_LIMIT, 100).set(Settings.BATCH_SIZE, 128).build();
        assertTrue(c.problems().stream().anyMatch(p -> p.contains("train limit")), c.problems().toString());
    }

    @Test
    void jsonRoundTripKeepsEveryField(@TempDir Path dir) throws Exception {
        RunConfig c = RunConfig.builder().set(Settings.NAME, "x").set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE)
                .set(Settings.STRIDES, new double[]{3, 1.5, 2}).set(Settings.STRIDE_MIN, 1.2)
                .set(Settings.COST_LAMBDA, 0.01).set(Settings.MIXUP, 0.2).set(Settings.AUGMENT, false)
                .set(Settings.OPTIMIZER, OptimizerKind.ADAM).set(Settings.SEED, 9).build();
        Json.writeAtomically(dir.resolve("c.json"), c);
        assertEquals(c, Json.read(dir.resolve("c.json"), RunConfig.class));
        JsonNode written = Json.mapper().readTree(dir.resolve("c.json").toFile());
        assertEquals(1.2, written.at("/diffStride/strideMin").doubleValue(), "nested by group");
        assertEquals("ADAM", written.at("/optimiser/optimizer").asText());
        assertEquals(9, written.get("seed").asLong());
        assertEquals(List.of("name", "model", "diffStride", "optimiser", "schedule", "data", "seed"),
                iterate(written.fieldNames()));
    }

    /** A config.json as version 0.1 wrote it (flat), kept as it was: it must still open, every value kept. */
    @Test
    void flatFilesOfEarlierVersionsStillLoad() throws Exception {
        Path file = Path.of(getClass().getResource("flat-config-0.1.json").toURI());
        RunConfig c = Json.read(file, RunConfig.class);
        assertEquals("diffstride-3-2-3-20261203-110506", c.name());
        assertEquals(DownsamplingMethod.DIFFSTRIDE, c.model().method());
        assertArrayEquals(new double[]{3, 2, 3}, c.model().strides());
        assertEquals(0.125, c.model().width());
        assertEquals(32, c.data().batchSize());
        assertEquals(2, c.schedule().epochs());
        assertEquals(ScheduleKind.COSINE, c.schedule().schedule());
        assertEquals(5e-4, c.optimiser().weightDecay());
        assertEquals(512, c.data().trainLimit());
        assertTrue(c.data().augment());
        assertEquals(1, c.seed());
        assertTrue(c.problems().isEmpty(), c.problems().toString());
    }

    @Test
    void aFileWithoutASettingTakesItsDefaultAndEnumsAreReadInAnyCase() {
        ObjectNode flat = Json.mapper().createObjectNode().put("name", "old").put("method", "diffstride")
                .put("optimizer", "adam");
        RunConfig c = RunConfig.fromJson(flat);
        assertEquals(DownsamplingMethod.DIFFSTRIDE, c.model().method());
        assertEquals(OptimizerKind.ADAM, c.optimiser().optimizer());
        assertTrue(c.data().augment(), "a missing boolean is its default (on), not false");
        assertEquals(RunConfig.defaults().schedule(), c.schedule());
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.fromJson(flat.deepCopy().put("learningRate", "fast")));
        assertTrue(e.getMessage().contains("learningRate") && e.getMessage().contains("'fast' is not a number"),
                e.getMessage());
    }

    @Test
    void everyProblemNamesTheSettingItIsAbout() {
        RunConfig bad = RunConfig.builder().set(Settings.NAME, "bad name").set(Settings.STRIDES, new double[]{2, 1.5, 2})
                .set(Settings.WIDTH, 9).set(Settings.LEARNING_RATE, -1).set(Settings.BATCH_SIZE, 0)
                .set(Settings.MIXUP, -1).set(Settings.TRAIN_LIMIT, -3).set(Settings.SMOOTHNESS, -1).build();
        Map<String, String> byField = new HashMap<>();
        for (ConfigProblem p : bad.checks()) {
            assertTrue(Settings.byKey(p.field()).isPresent(), "a real setting: " + p.field());
            byField.put(p.field(), p.message());
        }
        assertTrue(byField.get("strides").startsWith("strided convolution needs integer strides"));
        assertTrue(byField.keySet().containsAll(List.of("name", "width", "learningRate", "batchSize",
                "mixupAlpha", "trainLimit", "smoothness")), byField.toString());
        assertEquals(bad.problems(), bad.checks().stream().map(ConfigProblem::message).toList());
    }

    @Test
    void everySettingIsDeclaredOnceWithAUniqueKeyAndFlag() {
        assertEquals(Settings.ALL.size(), new HashSet<>(Settings.keys()).size());
        List<String> flags = Settings.ALL.stream().map(Setting::flag).filter(f -> f != null).toList();
        assertEquals(flags.size(), new HashSet<>(flags).size());
        RunConfig d = RunConfig.defaults();
        for (Setting<?> s : Settings.ALL) {
            assertEquals(s.fallback() instanceof double[] a ? List.of(a[0], a[1], a[2]) : s.fallback(),
                    s.read().apply(d) instanceof double[] a ? List.of(a[0], a[1], a[2]) : s.read().apply(d),
                    "the default of " + s.key() + " reaches the record");
        }
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
