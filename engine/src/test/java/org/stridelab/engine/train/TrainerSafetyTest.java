package org.stridelab.engine.train;

import org.stridelab.engine.config.Settings;

import org.stridelab.engine.config.RunConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingListener;

/** The trainer's answers to things going wrong mid-run: a stuck step, a stride that became NaN. */
class TrainerSafetyTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(256, 100);

    private static RunConfig tiny(String name, DownsamplingMethod method, int epochs) {
        return RunConfig.builder().set(Settings.NAME, name).set(Settings.METHOD, method).set(Settings.WIDTH, 0.125).set(Settings.BATCH_SIZE, 64).set(Settings.EPOCHS, epochs)
                .set(Settings.LEARNING_RATE, 0.05).set(Settings.CHECKPOINT_EVERY, 2).set(Settings.DATA_SOURCE, "generated").set(Settings.TRAIN_LIMIT, 256).set(Settings.SEED, 5).build();
    }

    private static final class Lifecycle implements TrainingListener {
        final List<LifecycleEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onLifecycle(LifecycleEvent e) {
            events.add(e);
        }

        boolean any(LifecycleEvent.Kind kind, String text) {
            return events.stream().anyMatch(e -> e.kind() == kind && e.message().contains(text));
        }
    }

    @Test
    void aStepThatTakesFarLongerThanUsualIsReportedWithItsPhaseAndTheCheckpointKept(@TempDir Path runs)
            throws Exception {
        RunConfig config = tiny("stall", DownsamplingMethod.STRIDED, 2);
        RunFolder folder = RunFolder.create(runs.resolve("stall"), config);
        Trainer trainer = new Trainer(config, DATA.splits(), folder, null);
        trainer.stallRule(new StallRule(3, 0.5, 60)); // steps of this tiny network take ~0.1 s
        Lifecycle lifecycle = new Lifecycle();
        trainer.addListener(lifecycle);
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.globalStep() == 6) {
                    // A view that holds the training thread until the watchdog has said so (at most a minute):
                    // the step's reporting phase stalls, however slow the machine's steps are.
                    long end = System.nanoTime() + 60_000_000_000L;
                    while (!lifecycle.any(LifecycleEvent.Kind.STALLED, "") && System.nanoTime() < end) {
                        sleep(50);
                    }
                }
            }
        });
        trainer.run();
        assertTrue(lifecycle.any(LifecycleEvent.Kind.STALLED, "step 6 has been passing the step's figures"),
                "the stall names its step and phase: " + lifecycle.events);
        assertTrue(lifecycle.any(LifecycleEvent.Kind.STALLED, "checkpoint.zip (step 4"),
                "and the checkpoint a kill would keep: " + lifecycle.events);
        assertTrue(lifecycle.any(LifecycleEvent.Kind.STALL_ENDED, "step 6 has ended"), lifecycle.events.toString());
        assertTrue(lifecycle.any(LifecycleEvent.Kind.FINISHED, ""), "the run still finishes");
    }

    @Test
    void aStrideThatBecomesNanIsDivergenceWithTheLastGoodCheckpointKept(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("nan-stride", DownsamplingMethod.DIFFSTRIDE, 1);
        RunFolder folder = RunFolder.create(runs.resolve("nan-stride"), config);
        Trainer trainer = new Trainer(config, DATA.splits(), folder, null);
        Lifecycle lifecycle = new Lifecycle();
        trainer.addListener(lifecycle);
        Parameter stride = trainer.model().parameters().stream().filter(p -> p.name().endsWith(".stride"))
                .findFirst().orElseThrow();
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.globalStep() == 2) { // at the step boundary, as a diverged update would leave it
                    trainer.control().runBetweenSteps(() -> stride.value().assign(Double.NaN));
                }
            }
        });
        assertNull(trainer.run());
        assertTrue(lifecycle.any(LifecycleEvent.Kind.FAILED, "training diverged"), lifecycle.events.toString());
        assertTrue(lifecycle.any(LifecycleEvent.Kind.FAILED, "the last good checkpoint is kept"));
        assertTrue(folder.hasCheckpoint(), "step 2's checkpoint (written before the stride broke) stays");
        assertTrue(Checkpoint.readState(folder.checkpoint()).globalStep() == 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A stop that arrives while the epoch is evaluated (minutes at full width) is obeyed
     * between evaluation batches: the epoch's training is checkpointed, and the resumed
     * run repeats only the evaluation, ending as a run that never stopped.
     */
    @Test
    void aStopDuringEvaluationKeepsTheEpochAndTheResumeRepeatsOnlyTheEvaluation(@TempDir Path runs)
            throws Exception {
        RunConfig config = tiny("eval-stop", DownsamplingMethod.STRIDED, 2).toBuilder().set(Settings.CHECKPOINT_EVERY, 0)
                .build();
        org.stridelab.engine.session.RunSession whole = org.stridelab.engine.session.RunSession.create(
                runs.resolve("whole"), config);
        whole.prepare(DATA.splits(), null);
        whole.run(java.util.List.of());

        org.stridelab.engine.session.RunSession stopped = org.stridelab.engine.session.RunSession.create(
                runs.resolve("stopped"), config);
        Trainer trainer = stopped.prepare(DATA.splits(), null);
        Lifecycle lifecycle = new Lifecycle();
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.globalStep() == 4) { // the epoch's last step: the next thing is its evaluation
                    trainer.control().stop();
                }
            }
        });
        assertNull(stopped.run(java.util.List.of(lifecycle)));
        assertTrue(lifecycle.any(LifecycleEvent.Kind.STOPPED, "stopped while evaluating epoch 1"),
                lifecycle.events.toString());
        TrainerState saved = Checkpoint.readState(stopped.folder().checkpoint());
        assertEquals(4, saved.globalStep());
        assertEquals(4, saved.nextBatch(), "the epoch's training is complete in the checkpoint");

        org.stridelab.engine.session.RunSession resumed = org.stridelab.engine.session.RunSession.reopen(
                runs.resolve("stopped"));
        resumed.prepare(DATA.splits(), null);
        resumed.run(java.util.List.of());
        var a = org.stridelab.engine.run.RunFolderReader.read(whole.folder());
        var b = org.stridelab.engine.run.RunFolderReader.read(resumed.folder());
        assertEquals(a.steps().stream().map(r -> r.loss()).toList(), b.steps().stream().map(r -> r.loss()).toList());
        assertEquals(a.epochs().stream().map(r -> java.util.List.of(r.trainLoss(), r.validationAccuracy())).toList(),
                b.epochs().stream().map(r -> java.util.List.of(r.trainLoss(), r.validationAccuracy())).toList());
    }

    /**
     * A run whose patience ran out, killed before its test evaluation, is resumed:
     * only the test evaluation is left, so it must not train another epoch.
     */
    @Test
    void aRunThatStoppedEarlyResumesStraightToItsTestEvaluation(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("patience", DownsamplingMethod.STRIDED, 3).toBuilder().set(Settings.PATIENCE, 1)
                .set(Settings.CHECKPOINT_EVERY, 0).build();
        RunFolder folder = RunFolder.create(runs.resolve("patience"), config);
        Trainer first = new Trainer(config, DATA.splits(), folder, null);
        first.addListener(new TrainingListener() {
            @Override
            public void onEpoch(org.stridelab.engine.train.events.EpochEvent e) {
                first.control().stop(); // checkpoint at the start of epoch 2
            }
        });
        assertNull(first.run());
        // As if epoch 1 had not improved on an earlier best: patience 1 is used up.
        rewriteState(folder.checkpoint(), "epochsWithoutImprovement", 1);

        Trainer resumed = new Trainer(config, DATA.splits(), folder, null);
        assertTrue(resumed.restoreIfPossible());
        int[] steps = {0};
        resumed.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                steps[0]++;
            }
        });
        org.stridelab.engine.train.events.RunSummary summary = resumed.run();
        assertEquals(0, steps[0], "no epoch is trained after the early stop");
        assertTrue(summary.stopReason().startsWith("early stop"), summary.stopReason());
        assertEquals(1, summary.epochsRun());
    }

    /** Changes one field of a checkpoint's trainer state, keeping every other entry as it was. */
    private static void rewriteState(Path checkpoint, String field, int value) throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(checkpoint))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        var state = (com.fasterxml.jackson.databind.node.ObjectNode) org.stridelab.engine.io.Json.mapper()
                .readTree(entries.get("trainer.json"));
        state.put(field, value);
        entries.put("trainer.json", org.stridelab.engine.io.Json.mapper().writeValueAsBytes(state));
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(checkpoint))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
