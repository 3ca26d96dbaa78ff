package org.stridelab.engine.train;

import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;

import org.stridelab.engine.config.RunConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.LiveChangeEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingListener;

class TrainerTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(512, 200);

    static RunConfig tiny(String name, int epochs, double lr) {
        return RunConfig.builder()
                .set(Settings.NAME, name)
                .set(Settings.WIDTH, 0.125)
                .set(Settings.BATCH_SIZE, 64)
                .set(Settings.EPOCHS, epochs)
                .set(Settings.LEARNING_RATE, lr)
                .set(Settings.STEP_EPOCHS, 1)
                .set(Settings.CHECKPOINT_EVERY, 3)
                .set(Settings.TRAIN_LIMIT, 256)
                .set(Settings.SEED, 5L)
                .build();
    }

    /** Records step losses and lifecycle events. */
    static final class Recorder implements TrainingListener {
        final List<Double> losses = new ArrayList<>();
        final List<LifecycleEvent> lifecycle = new ArrayList<>();
        final List<EpochEvent> epochs = new ArrayList<>();
        final List<StepEvent> steps = new ArrayList<>();
        final List<LiveChangeEvent> changes = new ArrayList<>();

        /** The run's last lifecycle event, which must say it failed. */
        LifecycleEvent failure() {
            LifecycleEvent last = lifecycle.get(lifecycle.size() - 1);
            assertEquals(LifecycleEvent.Kind.FAILED, last.kind(), "the run failed: " + lifecycle);
            return last;
        }

        /** A recorder listening to {@code trainer}. */
        static Recorder on(Trainer trainer) {
            Recorder r = new Recorder();
            trainer.addListener(r);
            return r;
        }

        @Override
        public void onStep(StepEvent e) {
            losses.add(e.loss());
            steps.add(e);
        }

        @Override
        public void onLiveChange(LiveChangeEvent e) {
            changes.add(e);
        }

        @Override
        public void onEpoch(EpochEvent e) {
            epochs.add(e);
        }

        @Override
        public void onLifecycle(LifecycleEvent e) {
            lifecycle.add(e);
        }
    }

    @Test
    void tinyNetworkOverfits256GeneratedImages() throws Exception {
        RunConfig config = MethodsTrainTest.config("overfit", DownsamplingMethod.STRIDED, 40, 0).toBuilder()
                .set(Settings.SEED, 3L).build(); // Adam at a constant 3e-3, no augmentation: it can overfit
        Trainer trainer = new Trainer(config, DATA.splits(), null, null);
        Recorder rec = Recorder.on(trainer);
        // Stop as soon as the training set is learned: at most 40 epochs of 8 steps.
        trainer.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent e) {
                if (e.trainAccuracy() >= 0.95) {
                    trainer.control().stop();
                }
            }
        });
        trainer.run();
        double best = rec.epochs.stream().mapToDouble(EpochEvent::trainAccuracy).max().orElse(0);
        assertTrue(best >= 0.95, "training accuracy reached only " + best + " in " + rec.epochs.size() + " epochs");
        assertTrue(rec.losses.get(rec.losses.size() - 1) < rec.losses.get(0) / 3, "loss did not fall enough");
    }

    @Test
    void resumedRunRepeatsTheUninterruptedOne(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("whole", 2, 0.05);
        RunFolder whole = RunFolder.create(runs.resolve("whole"), config);
        Trainer a = new Trainer(config, DATA.splits(), whole, null);
        Recorder ra = new Recorder();
        a.addListener(ra);
        try (RunFolderWriter w = new RunFolderWriter(whole, -1)) {
            a.addListener(w);
            assertNotNull(a.run());
        }

        RunConfig config2 = config.withName("parts");
        RunFolder parts = RunFolder.create(runs.resolve("parts"), config2);
        Trainer b = new Trainer(config2, DATA.splits(), parts, null);
        try (RunFolderWriter w = new RunFolderWriter(parts, -1)) {
            b.addListener(w);
            // Simulated kill after step 5: keep the step-3 checkpoint (checkpoints every 3 steps)
            // as it was on disk, and put it back after the run stops, as if the process had died.
            b.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    try {
                        if (e.globalStep() == 4) {
                            Files.copy(parts.checkpoint(), runs.resolve("crash.zip"));
                        }
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    if (e.globalStep() == 5) {
                        b.control().stop();
                    }
                }
            });
            assertNull(b.run(), "a stopped run has no summary");
        }
        Files.move(runs.resolve("crash.zip"), parts.checkpoint(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(3, Checkpoint.readState(parts.checkpoint()).globalStep());
        // A half-written row from the dying process.
        Files.writeString(parts.metrics(), "6,0,5,0.9", java.nio.file.StandardOpenOption.APPEND);

        Trainer c = new Trainer(config2, DATA.splits(), parts, null);
        assertTrue(c.restoreIfPossible());
        Recorder rc = new Recorder();
        c.addListener(rc);
        RunSummary summary;
        try (RunFolderWriter w = new RunFolderWriter(parts, c.state().globalStep())) {
            c.addListener(w);
            summary = c.run();
        }
        assertNotNull(summary);
        assertEquals(RunFolderWriter.METRICS_HEADER, Files.readAllLines(parts.metrics()).get(0));
        List<String> wholeRows = Files.readAllLines(whole.metrics());
        List<String> partRows = Files.readAllLines(parts.metrics());
        assertEquals(wholeRows.size(), partRows.size(), "same number of step rows");
        for (int i = 1; i < wholeRows.size(); i++) {
            double la = Double.parseDouble(wholeRows.get(i).split(",")[3]);
            double lb = Double.parseDouble(partRows.get(i).split(",")[3]);
            assertEquals(la, lb, 1e-4 * Math.max(1, Math.abs(la)), "loss of step " + i);
        }
        assertEquals(ra.losses.size() - 3, rc.losses.size());
        for (int i = 0; i < rc.losses.size(); i++) {
            assertEquals(ra.losses.get(i + 3), rc.losses.get(i), 1e-4 * Math.max(1, ra.losses.get(i + 3)));
        }
        assertTrue(Files.exists(parts.summary()));
    }

    @Test
    void nonFiniteLossStopsWithMessageAndKeepsLastGoodCheckpoint(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("diverge", 3, 0.05);
        RunFolder folder = RunFolder.create(runs.resolve("diverge"), config);
        Trainer t = new Trainer(config, DATA.splits(), folder, null);
        Recorder rec = Recorder.on(t);
        // Weights that blew up after step 4 (checkpoints are written every 3 steps).
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.globalStep() == 4) {
                    t.model().parameters().get(0).value().putScalar(0, Double.POSITIVE_INFINITY);
                }
            }
        });
        assertNull(t.run(), "a failed run has no summary");
        LifecycleEvent last = rec.failure();
        assertTrue(last.message().contains("diverged") && last.message().contains("learning rate"), last.message());
        assertEquals(4, rec.losses.size(), "no step is reported after the failing one");
        assertEquals(3, Checkpoint.readState(folder.checkpoint()).globalStep());
        org.stridelab.engine.model.ResNet18 fresh = new org.stridelab.engine.model.ResNet18(config.modelConfig());
        Checkpoint.load(folder.checkpoint(), fresh, null);
        for (var p : fresh.parameters()) {
            assertTrue(Double.isFinite(p.value().sumNumber().doubleValue()), p.name() + " is not finite");
        }
    }

    /**
     * From the forward after global step {@code step} on, forwards whose batch size
     * {@code fails} accepts throw the OutOfMemoryError ND4J throws when it cannot
     * allocate. The activation recorder runs inside the forward pass, where ND4J would.
     */
    private static void runOutOfMemoryAfterStep(Trainer t, long step, java.util.function.IntPredicate fails) {
        boolean[] armed = {false};
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                armed[0] = e.globalStep() == step;
            }
        });
        t.model().setActivationRecorder((site, where, a) -> {
            if (armed[0] && fails.test((int) a.size(0))) {
                throw new OutOfMemoryError("Physical memory usage is too high (simulated)");
            }
        });
    }

    @Test
    void runningOutOfMemoryFailsTheRunWithAdviceAndKeepsTheCheckpoint(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("oom", 2, 0.05);
        RunFolder folder = RunFolder.create(runs.resolve("oom"), config);
        Trainer t = new Trainer(config, DATA.splits(), folder, null);
        Recorder rec = Recorder.on(t);
        // Armed after step 5 (mid-epoch 2): fails step 6's training forward, not an evaluation.
        runOutOfMemoryAfterStep(t, 5, batch -> true);
        assertNull(t.run());
        LifecycleEvent last = rec.failure();
        assertTrue(last.message().contains("out of memory") && last.message().contains("--batch"), last.message());
        assertEquals(5, rec.losses.size(), "five good steps before the failing sixth");
        assertEquals(4, Checkpoint.readState(folder.checkpoint()).globalStep(), "the epoch-1 checkpoint is kept");
    }

    @Test
    void evaluationHalvesItsBatchWhenMemoryRunsOut() throws Exception {
        RunConfig config = tiny("eval-retry", 1, 0.05);
        Trainer t = new Trainer(config, DATA.splits(), null, null);
        Recorder rec = Recorder.on(t);
        // After the epoch's 4 training steps, batches of more than 32 images "run out of
        // memory": evaluation at the training batch (64) fails, and at 32 fits.
        int[] refused = {0};
        runOutOfMemoryAfterStep(t, 4, batch -> {
            boolean refuse = batch > 32;
            refused[0] += refuse ? 1 : 0;
            return refuse;
        });
        RunSummary summary = t.run();
        assertNotNull(summary, "the run finishes: " + rec.lifecycle);
        assertEquals(2, refused[0], "batches of 64 refused once for validation, once for test");
        assertEquals(1, rec.epochs.size());
        assertTrue(rec.epochs.get(0).validationAccuracy() > 0);
        assertTrue(Double.isFinite(summary.testLoss()));
    }

    @Test
    void evaluationOutOfMemoryKeepsTheEpochAndAResumeRepeatsOnlyTheEvaluation(@TempDir Path runs) throws Exception {
        RunConfig config = tiny("eval-oom", 2, 0.05);
        RunFolder folder = RunFolder.create(runs.resolve("eval-oom"), config);
        Trainer t = new Trainer(config, DATA.splits(), folder, null);
        Recorder rec = Recorder.on(t);
        // After epoch 1's 4 steps every forward fails: the evaluation, at every batch size.
        runOutOfMemoryAfterStep(t, 4, batch -> true);
        assertNull(t.run());
        LifecycleEvent last = rec.failure();
        assertTrue(last.message().contains("out of memory evaluating epoch 1")
                && last.message().contains("resuming"), last.message());
        assertEquals(4, rec.losses.size(), "the whole first epoch trained");
        assertEquals(4, Checkpoint.readState(folder.checkpoint()).globalStep(), "and is saved");

        Trainer resumed = new Trainer(config, DATA.splits(), folder, null);
        assertTrue(resumed.restoreIfPossible());
        Recorder after = new Recorder();
        resumed.addListener(after);
        assertNotNull(resumed.run(), "with memory back, the run completes: " + after.lifecycle);
        assertEquals(4, after.losses.size(), "only the second epoch's steps are trained again");
        assertEquals(2, after.epochs.size(), "epoch 1's evaluation, then epoch 2's");
        assertEquals(0, after.epochs.get(0).epoch());
    }

    @Test
    void pauseHoldsTheTrainingThreadAndStepOnceLetsOneBatchThrough() throws Exception {
        RunConfig config = tiny("pause", 1, 0.05);
        Trainer t = new Trainer(config, DATA.splits(), null, null);
        Recorder rec = Recorder.on(t);
        t.control().pause();
        Thread th = new Thread(() -> {
            try {
                t.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        th.start();
        Thread.sleep(500);
        assertEquals(0, rec.losses.size(), "no step while paused");
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        Thread[] ranOn = new Thread[1];
        t.control().runBetweenSteps(() -> {
            ranOn[0] = Thread.currentThread();
            ran.countDown();
        });
        assertTrue(ran.await(10, java.util.concurrent.TimeUnit.SECONDS), "task runs while paused");
        assertEquals(th, ranOn[0], "on the training thread");
        assertEquals(0, rec.losses.size(), "a task is not a step");
        t.control().stepOnce();
        long deadline = System.currentTimeMillis() + 10_000;
        while (rec.losses.size() < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertEquals(1, rec.losses.size(), "exactly one step");
        t.control().resume();
        th.join(60_000);
        assertEquals(4, rec.losses.size(), "256 images / batch 64 = 4 steps");
    }
}
