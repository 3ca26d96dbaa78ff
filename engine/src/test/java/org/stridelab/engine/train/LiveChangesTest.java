package org.stridelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.ScheduleKind;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.TrainerTest.Recorder;
import org.stridelab.engine.train.events.LiveChangeEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingListener;

/** Hyper-parameters changed while a run trains: applied at the next step, logged, and replayed exactly on resume. */
class LiveChangesTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(512, 128);

    private static RunConfig diffStride(String name) {
        return TrainerTest.tiny(name, 2, 0.05).toBuilder()
                .set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE)
                .set(Settings.STRIDES, new double[] {3, 1, 3})
                .set(Settings.SCHEDULE_KIND, ScheduleKind.CONSTANT)
                .set(Settings.STRIDE_LR, 10.0)
                .set(Settings.SEED, 9L)
                .build();
    }

    /** Records the run, and makes the planned changes (setting, value) after their step, as a user would. */
    @SuppressWarnings("unchecked")
    private static Recorder record(Trainer t, Map<Long, List<Object[]>> plan) {
        Recorder r = Recorder.on(t);
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                for (Object[] change : plan.getOrDefault(e.globalStep(), List.of())) {
                    t.control().change((Setting<Double>) change[0], (Double) change[1]);
                }
            }
        });
        return r;
    }

    /** After step 2: every live setting at once, and two values the engine refuses. */
    private static final Map<Long, List<Object[]>> CHANGES = Map.of(
            2L, List.of(new Object[] {Settings.LEARNING_RATE, 0.02}, new Object[] {Settings.MIXUP, 0.4},
                    new Object[] {Settings.WEIGHT_DECAY, 0.0}, new Object[] {Settings.LEARNING_RATE, -1.0}),
            5L, List.of(new Object[] {Settings.SMOOTHNESS, 2.0}, new Object[] {Settings.STRIDE_LR, 3.0},
                    new Object[] {Settings.SMOOTHNESS, Double.NaN}));

    @Test
    void changesTakeEffectAtTheNextStepAreLoggedAndRefusalsSayWhy(@TempDir Path runs) throws Exception {
        RunConfig config = diffStride("live");
        RunFolder folder = RunFolder.create(runs.resolve("live"), config);
        Trainer t = new Trainer(config, DATA.splits(), folder, null);
        Recorder r = record(t, CHANGES);
        assertNotNull(t.run());

        assertEquals(0.05, r.steps.get(1).learningRate(), 1e-12, "step 2 trains at the configured rate");
        assertEquals(0.02, r.steps.get(2).learningRate(), 1e-12, "step 3 trains at the new rate");
        assertEquals(0.02, r.steps.get(r.steps.size() - 1).learningRate(), 1e-12, "and the rate stays changed");
        assertEquals(5, r.changes.size(), "five changes applied: " + r.changes);
        LiveChangeEvent lr = r.changes.get(0);
        assertEquals(3, lr.step());
        assertEquals(0.05, lr.previous());
        LiveChangeEvent mixup = r.changes.get(1);
        assertEquals(Settings.MIXUP.key(), mixup.settingKey());
        assertTrue(mixup.firstBatchStep() >= 3 && mixup.firstBatchStep() <= 3 + 4,
                "mixup reaches a batch the loader had not begun: at most prefetch + 1 batches later, got "
                        + mixup.firstBatchStep());
        assertEquals(6, r.changes.get(3).step(), "R changes from step 6");
        List<String> refusals = r.lifecycle.stream().filter(e -> e.kind() == LifecycleEvent.Kind.CHANGE_REFUSED)
                .map(LifecycleEvent::message).toList();
        assertEquals(2, refusals.size(), r.lifecycle.toString());
        String engineReason = diffStride("x").toBuilder().set(Settings.LEARNING_RATE, -1.0).build().checks().stream()
                .filter(p -> p.field().equals(Settings.LEARNING_RATE.key())).findFirst().orElseThrow().message();
        assertTrue(refusals.get(0).contains(engineReason), "the engine's own reason: " + refusals.get(0));

        for (DiffStride d : Layer.find(t.model(), DiffStride.class)) {
            assertEquals(2.0, d.smoothness());
            assertEquals(3.0, d.strideParameter().learningRateMultiplier());
        }
        assertEquals(0.02, t.config().optimiser().learningRate());
        assertEquals(0.4, t.config().data().mixupAlpha());
        List<LiveChange> logged = ChangeLog.read(folder.changes());
        assertEquals(5, logged.size());
        assertEquals(new LiveChange(3, Settings.LEARNING_RATE, 0.02, 3), logged.get(0));
        assertEquals(mixup.firstBatchStep(), logged.get(1).firstBatchStep());
        assertEquals(new LiveChange(6, Settings.STRIDE_LR, 3.0, 6), logged.get(4));
    }

    @Test
    void aReplayOfTheChangeLogTrainsExactlyAsTheRunThatMadeTheChangesAcrossAResume(@TempDir Path runs)
            throws Exception {
        RunConfig config = diffStride("original");
        RunFolder original = RunFolder.create(runs.resolve("original"), config);
        Trainer a = new Trainer(config, DATA.splits(), original, null);
        Recorder ra = record(a, CHANGES);
        try (RunFolderWriter w = new RunFolderWriter(original, -1)) {
            a.addListener(w);
            assertNotNull(a.run());
        }

        // The same run again, in a folder holding the original's change log, killed after step 7
        // with the step-3 checkpoint on disk: the step-6 changes come after it and must be made again.
        RunConfig config2 = config.withName("replay");
        RunFolder replay = RunFolder.create(runs.resolve("replay"), config2);
        Files.copy(original.changes(), replay.changes());
        Trainer b = new Trainer(config2, DATA.splits(), replay, null);
        b.restoreIfPossible(); // no checkpoint: every recorded change is made again at its step
        Recorder rb = record(b, Map.of());
        b.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                try {
                    if (e.globalStep() == 4) { // ...so keep the step-3 checkpoint, as a kill after step 7 would
                        Files.copy(replay.checkpoint(), runs.resolve("crash.zip"));
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                if (e.globalStep() == 7) {
                    b.control().stop();
                }
            }
        });
        try (RunFolderWriter w = new RunFolderWriter(replay, -1)) {
            b.addListener(w);
            assertNull(b.run());
        }
        assertTrue(rb.changes.stream().allMatch(LiveChangeEvent::replayed), "replayed, not made anew");
        Files.move(runs.resolve("crash.zip"), replay.checkpoint(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(3, Checkpoint.readState(replay.checkpoint()).globalStep());

        Trainer c = new Trainer(config2, DATA.splits(), replay, null);
        assertTrue(c.restoreIfPossible());
        assertEquals(0.02, c.config().optimiser().learningRate(), "the step-3 change is in force at once");
        assertEquals(4.0, c.config().diffStride().smoothness(), "R changes at step 6, not yet");
        Recorder rc = record(c, Map.of());
        try (RunFolderWriter w = new RunFolderWriter(replay, c.state().globalStep())) {
            c.addListener(w);
            assertNotNull(c.run());
        }
        assertEquals(List.of(6L, 6L), rc.changes.stream().map(LiveChangeEvent::step).toList(),
                "the resumed run makes the step-6 changes again: " + rc.changes);
        assertEquals(ra.steps.size(), 3 + rc.steps.size(), "steps 1-3 before the kept checkpoint, the rest after");
        for (int i = 0; i < ra.steps.size(); i++) {
            StepEvent expected = ra.steps.get(i);
            StepEvent got = i < 3 ? rb.steps.get(i) : rc.steps.get(i - 3);
            assertEquals(expected.globalStep(), got.globalStep());
            assertEquals(expected.learningRate(), got.learningRate(), 0.0, "rate of step " + (i + 1));
            // as the plain resume test: equal up to float noise of multi-threaded kernels; a change
            // replayed one step early or late moves the loss by far more than this
            assertEquals(expected.loss(), got.loss(), 1e-4 * Math.max(1, expected.loss()), "loss of step " + (i + 1));
        }
        assertEquals(ChangeLog.read(original.changes()), ChangeLog.read(replay.changes()),
                "a replay adds nothing to the log");
    }
}
