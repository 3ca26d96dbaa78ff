package org.stridelab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stridelab.engine.data.GeneratedDataset;
import org.stridelab.engine.train.Checkpoint;

/**
 * What survives what, tested on the real command line in a child JVM: SIGKILL
 * mid-epoch, during evaluation and halfway through a checkpoint write, each
 * followed by {@code --resume}, leaves run files equal to those of a run that was
 * never interrupted (every column but the timings); Ctrl-C stops after the current
 * step with a checkpoint and exit code 130; a second Ctrl-C or a stuck step exits
 * without waiting.
 *
 * <p>The run: 128 generated images, batch 32 (4 steps per epoch), 2 epochs,
 * checkpoints every 3 steps and per epoch.
 */
class RunLifecycleProcessTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path shared;
    static Path data;

    @AfterEach
    void killLeftovers() {
        ChildCli.killLeftovers();
    }

    @BeforeAll
    static void makeData() {
        data = GeneratedDataset.ensure(shared.resolve("data"), 128, 120, 3);
    }

    private static String[] train(Path out, String method) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--width", "0.125", "--batch",
                "32", "--epochs", "2", "--checkpoint-every", "3", "--seed", "7", "--out", out.toString()));
        if (method.equals("phc")) {
            args.addAll(List.of("--method", "strided", "--phc", "2"));
        } else {
            args.addAll(List.of("--method", method));
        }
        return args.toArray(String[]::new);
    }

    private static String[] resume(Path run) {
        return new String[]{"train", "--resume", run.toString()};
    }

    private static List<String> pauseAt(String point) {
        return List.of("stridelab.pauseAt=" + point);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"strided", "spectral", "diffstride", "phc"})
    void killedMidEpochDuringEvaluationAndMidCheckpointThenResumedEqualsAnUninterruptedRun(String method,
            @TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        ChildCli.start(dir, "whole", List.of(), train(whole, method)).finish(RUN_LIMIT);

        Path run = dir.resolve("killed");
        // 1. Mid-epoch: after step 7 of 8 (the mid-epoch checkpoint of step 6 is on disk).
        ChildCli first = ChildCli.start(dir, "kill-1", pauseAt("step:7"), train(run, method));
        first.awaitOutput("paused at step:7", RUN_LIMIT);
        first.signal("KILL");
        first.awaitExit(RUN_LIMIT);
        assertEquals(6, Checkpoint.readState(run.resolve("checkpoint.zip")).globalStep());

        // 2. During epoch 2's evaluation (this process's first): still the checkpoint of step 6.
        ChildCli second = ChildCli.start(dir, "kill-2", pauseAt("evaluation:1"), resume(run));
        second.awaitOutput("paused at evaluation:1", RUN_LIMIT);
        second.signal("KILL");
        second.awaitExit(RUN_LIMIT);
        assertEquals(6, Checkpoint.readState(run.resolve("checkpoint.zip")).globalStep());

        // 3. Between writing the end-of-training checkpoint's temporary file and renaming it.
        ChildCli third = ChildCli.start(dir, "kill-3", pauseAt("write:checkpoint.zip:1"), resume(run));
        third.awaitOutput("paused at write:checkpoint.zip:1", RUN_LIMIT);
        third.signal("KILL");
        third.awaitExit(RUN_LIMIT);
        assertEquals(6, Checkpoint.readState(run.resolve("checkpoint.zip")).globalStep(),
                "the old checkpoint is intact");
        assertTrue(temporaryFiles(run) > 0, "the interrupted write left its temporary file");

        ChildCli.start(dir, "resume", List.of(), resume(run)).finish(RUN_LIMIT);
        assertEquals(0, temporaryFiles(run), "reopening the run removed the stale temporary file");
        RunFilesComparison.assertSameResults(whole, run);
    }

    @Test
    void ctrlCStopsAfterTheCurrentStepWithACheckpointAndExitCode130(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("interrupted");
        // Step 7 (in epoch 2, between the checkpoints of steps 6 and 8) takes 3 s longer: the signal
        // arrives while it runs.
        ChildCli cli = ChildCli.start(dir, "ctrl-c", List.of("stridelab.pauseAt=step:7",
                "stridelab.pauseMillis=3000"), train(run, "strided"));
        cli.awaitOutput("paused at step:7", RUN_LIMIT);
        String signal = ChildCli.gracefulStopSignal(); // INT, or TERM where this JVM's children ignore INT
        cli.signal(signal);
        assertEquals(signal.equals("INT") ? 130 : 143, cli.awaitExit(RUN_LIMIT), cli.output());
        String out = cli.output();
        assertTrue(out.contains("stopping after the current step"), out);
        assertTrue(out.contains("continue with: stridelab train --resume " + run.toAbsolutePath()), out);
        assertEquals(7, Checkpoint.readState(run.resolve("checkpoint.zip")).globalStep(),
                "the step that was running when Ctrl-C came is in the checkpoint");

        ChildCli.start(dir, "resume", List.of(), resume(run)).finish(RUN_LIMIT);
        Path whole = dir.resolve("whole");
        ChildCli.start(dir, "whole", List.of(), train(whole, "strided")).finish(RUN_LIMIT);
        RunFilesComparison.assertSameResults(whole, run);
    }

    @Test
    void sigtermExits143AndAStuckStepOrASecondCtrlCExitsWithoutWaiting(@TempDir Path dir) throws Exception {
        Path stuck = dir.resolve("stuck");
        // Step 5 never ends: the stop waits 2 s for it, then the command exits and names what it keeps.
        ChildCli cli = ChildCli.start(dir, "stuck", List.of("stridelab.pauseAt=step:5", "stridelab.stopWaitSeconds=2"),
                train(stuck, "strided"));
        cli.awaitOutput("paused at step:5", RUN_LIMIT);
        cli.signal("TERM");
        assertEquals(143, cli.awaitExit(RUN_LIMIT));
        assertTrue(cli.output().contains("did not end within 2 s"), cli.output());
        assertTrue(cli.output().contains("checkpoint.zip (step 4"), cli.output());

        Path twice = dir.resolve("twice");
        ChildCli again = ChildCli.start(dir, "twice", pauseAt("step:5"), train(twice, "strided"));
        again.awaitOutput("paused at step:5", RUN_LIMIT);
        String signal = ChildCli.gracefulStopSignal();
        again.signal(signal);
        again.awaitOutput("stopping after the current step", RUN_LIMIT);
        Thread.sleep(GracefulStop.ECHO_NANOS / 1_000_000 + 300); // sooner, it would count as an echo of the first
        again.signal(signal);
        assertEquals(signal.equals("INT") ? 130 : 143, again.awaitExit(Duration.ofSeconds(20)));
        assertTrue(again.output().contains("again: exiting now"), again.output());
        assertFalse(Files.exists(twice.resolve("summary.json")));
    }

    private static long temporaryFiles(Path run) throws Exception {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
