package org.stridelab.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * One run's life, the same for the command line, the app and the grid runner:
 * create or reopen its folder, build the trainer and restore its checkpoint,
 * write its logs, run it, and stop it gracefully from another thread (a signal
 * handler, a window closing) with a bounded wait for the checkpoint.
 *
 * <p>The rule for a folder's logs: a resumed run keeps the rows its checkpoint
 * covers; a run that starts from the beginning keeps none, so the rows of an
 * earlier attempt that died before its first checkpoint are dropped, never
 * appended to.
 */
public final class RunSession {
    private final RunFolder folder;
    private final RunConfig config;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Trainer trainer;
    private boolean resumed;

    private RunSession(RunFolder folder, RunConfig config) {
        this.folder = folder;
        this.config = config;
    }

    /** A new run in a new folder; refuses a folder that already holds a run. */
    public static RunSession create(Path dir, RunConfig config) throws IOException {
        return new RunSession(RunFolder.create(dir, config), config);
    }

    /** An existing run, with the configuration it was started with. */
    public static RunSession reopen(Path dir) throws IOException {
        RunFolder folder = RunFolder.open(dir);
        RunConfig config = folder.readConfig();
        folder.removeStaleTemporaryFiles();
        return new RunSession(folder, config);
    }

    /**
     * The run with this configuration in {@code dir}: created if the folder holds
     * none, reopened if it holds the same configuration, refused if it holds another.
     */
    public static RunSession openOrCreate(Path dir, RunConfig config) throws IOException {
        if (!Files.isRegularFile(new RunFolder(dir).config())) {
            return create(dir, config);
        }
        RunSession session = reopen(dir);
        if (!session.config.equals(config)) {
            throw new IOException(dir + " was started with other settings: "
                    + org.stridelab.engine.run.RunConfigDifferences.between(session.config, config));
        }
        return session;
    }

    public RunFolder folder() {
        return folder;
    }

    public RunConfig config() {
        return config;
    }

    /**
     * Builds the network and its trainer on {@code data} and restores the folder's
     * checkpoint, if it has one.
     */
    public Trainer prepare(DatasetSplits data, TrainerControl control) throws IOException {
        Trainer t = new Trainer(config, data, folder, control);
        resumed = t.restoreIfPossible();
        trainer = t;
        return t;
    }

    /** True when {@link #prepare} found a checkpoint to continue from. */
    public boolean resumed() {
        return resumed;
    }

    /**
     * The run has written its summary (all epochs, or stopped early): nothing is
     * left to do, and resuming must not train on and overwrite its results.
     */
    public boolean alreadyFinished() {
        return resumed && folder.isFinished();
    }

    /**
     * Trains, writing the folder's logs, with {@code listeners} told of every event;
     * returns the summary, or null when the run stopped or failed (its last
     * lifecycle event says which).
     */
    public RunSummary run(List<TrainingListener> listeners) throws IOException, InterruptedException {
        Trainer t = requirePrepared();
        try (RunFolderWriter writer = resumed
                ? new RunFolderWriter(folder, t.state().globalStep(), t.state().nextEpoch())
                : new RunFolderWriter(folder, 0)) {
            t.addListener(writer);
            listeners.forEach(t::addListener);
            return t.run();
        } finally {
            ended.countDown();
        }
    }

    /**
     * Asks the run to stop after its current step (it then saves a checkpoint) and
     * waits at most {@code bound} for that; never blocks the training thread.
     *
     * @return true when the run has ended within the bound
     */
    public boolean stopAndWait(Duration bound) throws InterruptedException {
        Trainer t = trainer;
        if (t != null) {
            t.control().stop();
        }
        return ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once {@link #run} has returned or thrown. */
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** The checkpoint on disk now, in words (what a kill would keep). */
    public String lastCheckpoint() {
        Trainer t = trainer;
        return t == null ? "no checkpoint yet" : t.lastCheckpoint();
    }

    /** The command that continues this run. */
    public String resumeCommand() {
        return "stridelab train --resume " + folder.path().toAbsolutePath();
    }

    private Trainer requirePrepared() {
        if (trainer == null) {
            throw new IllegalStateException("prepare the session before running it");
        }
        return trainer;
    }
}
