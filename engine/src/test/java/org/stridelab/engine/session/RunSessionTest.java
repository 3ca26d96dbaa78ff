package org.stridelab.engine.session;

import org.stridelab.engine.config.Settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolderReader;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.GeneratedSplits;
import org.stridelab.engine.train.Trainer;

class RunSessionTest {
    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(128, 60);

    private static RunConfig tiny(String name, int phc) {
        return RunConfig.builder().set(Settings.NAME, name).set(Settings.METHOD, DownsamplingMethod.SPECTRAL).set(Settings.STRIDES, new double[]{2, 1.5, 3})
                .set(Settings.WIDTH, 0.125).set(Settings.PHC, phc).set(Settings.BATCH_SIZE, 64).set(Settings.EPOCHS, 1).set(Settings.LEARNING_RATE, 0.05).set(Settings.CHECKPOINT_EVERY, 0)
                .set(Settings.DATA_SOURCE, "generated").set(Settings.TRAIN_LIMIT, 128).set(Settings.SEED, 5).build();
    }

    @Test
    void aFreshStartDropsTheRowsOfAnAttemptThatNeverCheckpointed(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("run");
        RunSession first = RunSession.create(dir, tiny("run", 0));
        // An earlier attempt logged two steps and died before its first checkpoint.
        Files.writeString(first.folder().metrics(), RunFolderWriter.METRICS_HEADER + "\n1,0,0,9,0.1,1,1\n"
                + "2,0,1,9,0.1,1,1\n", StandardCharsets.UTF_8);
        RunSession again = RunSession.reopen(dir);
        again.prepare(DATA.splits(), null);
        assertFalse(again.resumed());
        again.run(List.of());
        List<RunFolderReader.Step> steps = RunFolderReader.read(again.folder()).steps();
        assertEquals(List.of(1L, 2L), steps.stream().map(RunFolderReader.Step::step).toList(),
                "the old rows are gone, not followed by the new ones");
        assertTrue(steps.stream().noneMatch(s -> s.loss() == 9));
        assertTrue(again.hasEnded());
        assertTrue(again.stopAndWait(Duration.ZERO), "an ended session does not wait");
    }

    @Test
    void openOrCreateRefusesAFolderThatHoldsAnotherRun(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("cell");
        RunSession.openOrCreate(dir, tiny("cell", 0));
        assertEquals(tiny("cell", 0), RunSession.openOrCreate(dir, tiny("cell", 0)).config());
        IOException e = assertThrows(IOException.class, () -> RunSession.openOrCreate(dir, tiny("cell", 2)));
        assertTrue(e.getMessage().contains("phc 0 (now 2)"), e.getMessage());
    }

    @Test
    void aStopFromAnotherThreadEndsTheRunWithACheckpointWithinTheBound(@TempDir Path runs) throws Exception {
        RunSession session = RunSession.create(runs.resolve("stop"), tiny("stop", 0));
        Trainer trainer = session.prepare(DATA.splits(), null);
        java.util.concurrent.CompletableFuture<Boolean> endedInTime = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch stopAsked = new java.util.concurrent.CountDownLatch(1);
        trainer.addListener(new org.stridelab.engine.train.events.TrainingListener() {
            @Override
            public void onStep(org.stridelab.engine.train.events.StepEvent e) {
                if (e.globalStep() == 1) {
                    Thread stopper = new Thread(() -> {
                        try {
                            endedInTime.complete(session.stopAndWait(Duration.ofSeconds(60)));
                        } catch (Throwable t) {
                            endedInTime.completeExceptionally(t);
                        }
                    });
                    stopper.start();
                    // The training thread waits here until the stop is asked, so the next step boundary sees it.
                    awaitQuietly(() -> trainer.control().isStopRequested());
                    stopAsked.countDown();
                }
            }
        });
        assertEquals(null, session.run(List.of()), "stopped, not finished");
        assertEquals(0, stopAsked.getCount());
        assertTrue(endedInTime.get(60, java.util.concurrent.TimeUnit.SECONDS), "stopAndWait saw the run end");
        assertTrue(session.folder().hasCheckpoint());
        assertTrue(session.lastCheckpoint().contains("checkpoint.zip (step 1"), session.lastCheckpoint());
        assertTrue(session.resumeCommand().endsWith(runs.resolve("stop").toAbsolutePath().toString()));
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void newRunsAreNamedWithDashesOnly() {
        RunConfig c = tiny("x", 2);
        assertEquals("spectral-2-1.5-3-phc2-20261203-091500",
                RunNames.fresh(c, LocalDateTime.of(2026, 12, 3, 9, 15, 0)));
        assertEquals("my_run_2", RunNames.fromFolder("my run/2".replace('/', '_')));
    }
}
