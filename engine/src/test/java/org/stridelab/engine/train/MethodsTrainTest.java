package org.stridelab.engine.train;

import org.stridelab.engine.config.Settings;

import org.stridelab.engine.config.OptimizerKind;
import org.stridelab.engine.config.ScheduleKind;
import org.stridelab.engine.config.RunConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
import org.stridelab.engine.train.events.TrainingListener;

/** The three downsampling methods train the same network on the same data. */
class MethodsTrainTest {
    @TempDir
    static Path data;
    static DatasetSplits splits;

    @BeforeAll
    static void makeData() throws Exception {
        splits = TestData.generated(data, 512, 200);
    }

    static RunConfig config(String name, DownsamplingMethod m, int epochs) {
        return config(name, m, epochs, 0);
    }

    static RunConfig config(String name, DownsamplingMethod m, int epochs, int phc) {
        return RunConfig.builder()
                .set(Settings.NAME, name)
                .set(Settings.METHOD, m)
                .set(Settings.WIDTH, 0.125)
                .set(Settings.PHC, phc)
                .set(Settings.BATCH_SIZE, 32)
                .set(Settings.EPOCHS, epochs)
                .set(Settings.OPTIMIZER, OptimizerKind.ADAM)
                .set(Settings.LEARNING_RATE, 3e-3)
                .set(Settings.WEIGHT_DECAY, 0.0)
                .set(Settings.SCHEDULE_KIND, ScheduleKind.CONSTANT)
                .set(Settings.STEP_EPOCHS, 1)
                .set(Settings.AUGMENT, false)
                .set(Settings.TRAIN_LIMIT, 256)
                .set(Settings.SEED, 7L)
                .build();
    }

    @ParameterizedTest
    @EnumSource(DownsamplingMethod.class)
    void lossFalls(DownsamplingMethod method) throws Exception {
        assertLossFalls(config(method.cliName(), method, 4));
    }

    @ParameterizedTest
    @EnumSource(DownsamplingMethod.class)
    void lossFallsWithPhcConvolutions(DownsamplingMethod method) throws Exception {
        assertLossFalls(config(method.cliName() + "-phc", method, 4, 2));
    }

    private static void assertLossFalls(RunConfig config) throws Exception {
        DownsamplingMethod method = config.model().method();
        Trainer t = new Trainer(config, splits, null, null);
        List<Double> losses = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                losses.add(e.loss());
            }
        });
        t.run();
        double first = losses.subList(0, 4).stream().mapToDouble(d -> d).average().orElseThrow();
        double last = losses.subList(losses.size() - 4, losses.size()).stream().mapToDouble(d -> d).average()
                .orElseThrow();
        assertTrue(last < 0.7 * first, config.label() + " phc " + config.model().phc() + ": loss went from " + first
                + " to " + last);
    }

    @Test
    void phcRunsPublishTheirLearnedAlgebras() throws Exception {
        Trainer t = new Trainer(config("algebra", DownsamplingMethod.STRIDED, 1, 4), splits, null, null);
        List<org.stridelab.engine.train.events.AlgebraEvent> events = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override
            public void onAlgebra(org.stridelab.engine.train.events.AlgebraEvent e) {
                events.add(e);
            }
        });
        t.run();
        assertTrue(!events.isEmpty(), "an algebra event at the first step");
        var layers = events.get(0).layers();
        // n = 4: all 20 convolutions of ResNet-18 but the RGB stem are hypercomplex.
        assertEquals(19, layers.size());
        assertEquals(4, layers.get(0).matrices().length);
        assertEquals(4, layers.get(0).matrices()[0][0].length);
    }

    @Test
    void diffStrideLearnsItsStridesAndCheckpointsKeepThem(@TempDir Path runs) throws Exception {
        RunConfig cfg = config("ds", DownsamplingMethod.DIFFSTRIDE, 2);
        RunFolder folder = RunFolder.create(runs.resolve("ds"), cfg);
        Trainer t = new Trainer(cfg, splits, folder, null);
        List<StridesEvent> events = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override
            public void onStrides(StridesEvent e) {
                events.add(e);
            }
        });
        try (RunFolderWriter w = new RunFolderWriter(folder, -1)) {
            t.addListener(w);
            t.run();
        }
        assertEquals(16, events.size(), "one strides event per step");
        StridesEvent first = events.get(0);
        StridesEvent last = events.get(events.size() - 1);
        assertEquals(4, last.layers().size());
        for (int i = 1; i < 4; i++) {
            assertNotEquals(first.layers().get(i).strideHeight(), last.layers().get(i).strideHeight(),
                    "stride of " + last.layers().get(i).name() + " did not move");
        }
        // One row per step and layer in strides.csv.
        assertEquals(1 + 16 * 4, Files.readAllLines(folder.strides()).size());

        // The checkpoint restores the learned strides into a fresh network.
        ResNet18 fresh = new ResNet18(cfg.modelConfig());
        Checkpoint.load(folder.checkpoint(), fresh, null);
        double[] saved = strideValues(t.model());
        assertArrayEquals(saved, strideValues(fresh), 1e-7);
        assertNotEquals(2.0, saved[2], "strides differ from their initial value 2");
    }

    private static double[] strideValues(ResNet18 net) {
        return net.parameters().stream().filter(p -> p.name().contains("stride"))
                .flatMapToDouble(p -> java.util.Arrays.stream(p.value().toDoubleVector())).toArray();
    }
}
