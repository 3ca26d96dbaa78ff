package org.stridelab.engine.train;

import org.stridelab.engine.config.OptimiserSettings;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.ScheduleSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.data.MixupPlan;
import org.stridelab.engine.train.events.LiveChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.Batch;
import org.stridelab.engine.data.BatchLoader;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.nn.SoftmaxCrossEntropy;
import org.stridelab.engine.spectral.CostRegularizer;
import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.model.SpectralDownsamplingSite;
import org.stridelab.engine.io.PausePoint;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.LifecycleEvent.Kind;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingEvent;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * The training loop: batches from the prefetching loader, forward, loss,
 * backward, optimiser step; events after every step and epoch; validation
 * each epoch, early stopping, checkpoints, and the test set at the end.
 *
 * <p>Everything a step allocates lives in one reused workspace. Commands
 * ({@link TrainerControl}) are obeyed between steps. A run whose folder holds
 * a checkpoint continues from it exactly: same weights, optimiser state, data
 * order and metric history.
 */
public final class Trainer {
    private static final int PREFETCH = 3;
    /** PHC algebras change slowly; copying them every step would be waste. */
    private static final int ALGEBRA_EVERY_STEPS = 20;

    /** The configuration as it stands now: live changes replace it between steps (training thread only). */
    private RunConfig config;
    private final DatasetSplits data;
    private final CheckpointFiles folder;
    private final TrainerControl control;
    private final ResNet18 model;
    private Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final int stepsPerEpoch;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final LabeledImages trainImages;
    private final CostRegularizer costRegularizer;
    private final List<DiffStride> learnedStrides;
    /** Mixup's alpha by step: live changes reach the batches the loader has not begun yet. */
    private MixupPlan mixup;
    /** Recorded live changes a resumed run makes again when it reaches their step. */
    private final ArrayDeque<LiveChange> replay = new ArrayDeque<>();
    private final String runId;
    private final StepMonitor monitor = new StepMonitor();
    private StallRule stallRule = StallRule.DEFAULT;
    private TrainerState state = TrainerState.fresh();
    /** The checkpoint on disk, in words: what a kill right now would keep. Read by other threads. */
    private volatile String lastCheckpoint = "no checkpoint yet (a kill now loses the run so far)";

    public Trainer(RunConfig config, DatasetSplits data, CheckpointFiles folder, TrainerControl control) {
        this.config = config.validated();
        this.data = data;
        this.folder = folder;
        this.control = control == null ? new TrainerControl() : control;
        this.runId = config.name();
        this.trainImages = config.data().trainLimit() > 0 && config.data().trainLimit() < data.train().size()
                ? data.train().subset(java.util.stream.IntStream.range(0, config.data().trainLimit()).toArray())
                : data.train();
        this.stepsPerEpoch = BatchLoader.batchesPerEpoch(trainImages.size(), config.data().batchSize());
        if (stepsPerEpoch == 0) {
            throw new IllegalArgumentException("batch size " + config.data().batchSize() + " is larger than the "
                    + trainImages.size() + " training images: choose a smaller batch");
        }
        this.model = new ResNet18(config.modelConfig());
        ScheduleSettings pace = config.schedule();
        this.schedule = new LearningRateSchedule(pace.schedule(), config.optimiser().learningRate(),
                pace.stepEpochs(), pace.stepGamma(), pace.epochs(), stepsPerEpoch);
        this.learnedStrides = model.sites().stream()
                .flatMap(s -> s.site().learnedStrides().stream()).toList();
        this.costRegularizer = config.diffStride().costLambda() > 0 && !learnedStrides.isEmpty()
                ? new CostRegularizer(config.diffStride().costLambda(), learnedStrides) : null;
        this.mixup = new MixupPlan(config.data().mixupAlpha(), 0);
        OptimiserSettings o = config.optimiser();
        this.optimizer = new Optimizer(o.optimizer(), schedule, o.momentum(), o.weightDecay(), model.parameters());
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public ResNet18 model() {
        return model;
    }

    public TrainerControl control() {
        return control;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /**
     * Loads the folder's checkpoint if it has one; returns true when the run
     * continues from it. The folder's live changes are replayed: those made
     * before the checkpoint's step apply now, the later ones when the run
     * reaches their step again, so a resumed run trains as the first one did.
     */
    public boolean restoreIfPossible() throws IOException {
        if (folder == null) {
            return false;
        }
        boolean resumes = folder.hasCheckpoint();
        long checkpointStep = resumes ? Checkpoint.readState(folder.checkpoint()).globalStep() : 0;
        mixup = new MixupPlan(config.data().mixupAlpha(), checkpointStep);
        for (LiveChange change : ChangeLog.read(folder.changes())) {
            if (change.setting().equals(Settings.MIXUP)) {
                mixup.changeAt(change.firstBatchStep(), change.value());
            }
            if (change.step() <= checkpointStep) {
                apply(change); // in force when the checkpoint was taken: silently, its mark is already drawn
            } else {
                replay.add(change);
            }
        }
        if (resumes) {
            state = Checkpoint.load(folder.checkpoint(), model, optimizer);
            lastCheckpoint = describeCheckpoint(state);
        }
        return resumes;
    }

    /** The configuration with the live changes made so far (training thread). */
    public RunConfig config() {
        return config;
    }

    public TrainerState state() {
        return state;
    }

    /** What the training thread is doing; safe to read from any thread. */
    public StepMonitor monitor() {
        return monitor;
    }

    /** When a step counts as stuck (before {@link #run}); the default is {@link StallRule#DEFAULT}. */
    public void stallRule(StallRule rule) {
        this.stallRule = java.util.Objects.requireNonNull(rule);
    }

    /**
     * Trains until the configured epochs, early stopping, a stop command or a
     * failure; returns the summary when the run finished, null when it stopped
     * or failed (the lifecycle event says which, and why). A watchdog reports a
     * step that takes far longer than the run's median step (see {@link StallRule}).
     */
    public RunSummary run() throws IOException, InterruptedException {
        try (StallWatchdog watchdog = new StallWatchdog(monitor, stallRule, Duration.ofSeconds(1), this::reportStall)) {
            return runEpochs();
        } finally {
            monitor.idle();
        }
    }

    private RunSummary runEpochs() throws IOException, InterruptedException {
        boolean resumed = state.globalStep() > 0 || state.nextEpoch() > 0;
        emit(new LifecycleEvent(runId, resumed ? Kind.RESUMED : Kind.STARTED,
                (resumed ? "resumed at epoch " + (state.nextEpoch() + 1) + ", step " + state.globalStep() : "started")
                        + " on " + data.description()));
        double startElapsed = state.elapsedSeconds();
        long startNanos = System.nanoTime();
        String stopReason = "completed " + config.schedule().epochs() + " epochs";
        int lastEpoch = config.schedule().epochs();
        if (earlyStopDue()) { // stopped early, then killed before the test evaluation: only that is left
            stopReason = earlyStopReason();
            lastEpoch = state.nextEpoch();
        }
        for (int epoch = state.nextEpoch(); epoch < lastEpoch; epoch++) {
            long epochStart = System.nanoTime();
            try (BatchLoader loader = new BatchLoader(trainImages, config.data().batchSize(), true, mixup,
                    config.seed(), epoch, state.nextBatch(), PREFETCH, config.data().augment())) {
                long last = System.nanoTime();
                for (int b = state.nextBatch(); loader.hasNext(); b++) {
                    final int e = epoch;
                    monitor.idle();
                    if (!control.awaitTurn(() -> emit(new LifecycleEvent(runId, Kind.PAUSED, "paused at epoch "
                            + (e + 1))), () -> emit(new LifecycleEvent(runId, Kind.CONTINUED, "continued")),
                            this::changeRequested)) {
                        state = state.withElapsed(startElapsed + (System.nanoTime() - startNanos) / 1e9);
                        if (!saveCheckpoint()) {
                            return diverged("before the stop");
                        }
                        emit(new LifecycleEvent(runId, Kind.STOPPED, "stopped at epoch " + (epoch + 1) + ", step "
                                + state.globalStep() + "; the checkpoint is saved and the run can be resumed"));
                        return null;
                    }
                    long step = state.globalStep() + 1;
                    replayChangesOf(step);
                    monitor.stepStarted(step);
                    Batch batch = loader.next();
                    StepResult r;
                    try {
                        r = step(batch, epoch);
                    } catch (OutOfMemoryError oom) {
                        model.clearCache();
                        emit(new LifecycleEvent(runId, Kind.FAILED, "out of memory at epoch " + (epoch + 1)
                                + ", step " + step + " (" + oom.getMessage() + "): this network "
                                + "needs more memory than the process may use; lower --batch or --width (DiffStride "
                                + "keeps larger maps than its stride suggests, see the output sizes), or raise "
                                + "-Dorg.bytedeco.javacpp.maxphysicalbytes; the last checkpoint is kept"));
                        return null;
                    } catch (RuntimeException broken) {
                        // A NaN stride or weight fails deep inside a layer (e.g. the spectral geometry's
                        // stride check): that is divergence, reported as such, not a bare exception.
                        model.clearCache();
                        if (!ModelReports.parametersFinite(model)) {
                            return diverged("at step " + step);
                        }
                        throw broken;
                    }
                    if (!Double.isFinite(r.loss)) {
                        String msg = "the loss became " + r.loss + " at epoch " + (epoch + 1) + ", step "
                                + step + ": training diverged (try a lower learning rate, e.g. "
                                + config.optimiser().learningRate() / 10 + "); the last good checkpoint is kept";
                        emit(new LifecycleEvent(runId, Kind.FAILED, msg));
                        return null;
                    }
                    if (!ModelReports.stridesFinite(model)) {
                        // The update made a learned stride NaN: reporting it would fail in the spectral
                        // geometry's checks with a bare exception, and the next step would too.
                        return diverged("at step " + step + " (a learned stride)");
                    }
                    monitor.phase(TrainingPhase.REPORTING);
                    long now = System.nanoTime();
                    double elapsed = startElapsed + (now - startNanos) / 1e9;
                    state = state.afterStep(epoch, b + 1, step, elapsed, r.loss * batch.size(), r.correct,
                            batch.size());
                    StepEvent ev = new StepEvent(runId, epoch, b, stepsPerEpoch, step, r.loss, r.learningRate,
                            batch.size() / ((now - last) / 1e9), elapsed);
                    last = now;
                    emit(ev);
                    ModelReports.strides(runId, step, model).ifPresent(this::emit);
                    if (step == 1 || step % ALGEBRA_EVERY_STEPS == 0) {
                        ModelReports.algebras(runId, step, model).ifPresent(this::emit);
                    }
                    if (config.schedule().checkpointEverySteps() > 0 && step % config.schedule().checkpointEverySteps() == 0
                            && !saveCheckpoint()) {
                        return diverged("at step " + step);
                    }
                    monitor.stepEnded();
                    PausePoint.reach(PausePoint.STEP);
                }
            }
            PausePoint.reach(PausePoint.EVALUATION);
            Evaluation val;
            try {
                val = evaluate(data.validation());
            } catch (StopDuringEvaluation stop) {
                // The epoch's training is complete: keep it; a resume repeats only this evaluation.
                state = state.withElapsed(startElapsed + (System.nanoTime() - startNanos) / 1e9);
                if (!saveCheckpoint()) {
                    return diverged("before the stop");
                }
                emit(new LifecycleEvent(runId, Kind.STOPPED, "stopped while evaluating epoch " + (epoch + 1)
                        + "; its training is saved in the checkpoint and resuming repeats only the evaluation"));
                return null;
            } catch (OutOfMemoryError oom) {
                // The epoch's training is complete: keep it. A resume starts at this evaluation.
                saveCheckpoint();
                emit(new LifecycleEvent(runId, Kind.FAILED, "out of memory evaluating epoch " + (epoch + 1)
                        + " on the validation set, even in batches of " + Evaluator.MIN_BATCH + " ("
                        + oom.getMessage() + "); the epoch's training is saved in the checkpoint and resuming the "
                        + "run repeats only this evaluation; free memory or raise "
                        + "-Dorg.bytedeco.javacpp.maxphysicalbytes"));
                return null;
            }
            double elapsed = startElapsed + (System.nanoTime() - startNanos) / 1e9;
            double trainLoss = state.epochTrainLoss();
            double trainAccuracy = state.epochTrainAccuracy();
            state = state.afterEpoch(epoch, state.globalStep(), val.accuracy(), elapsed);
            EpochEvent ev = new EpochEvent(runId, epoch, state.globalStep(), trainLoss, trainAccuracy, val.loss(),
                    val.accuracy(), (System.nanoTime() - epochStart) / 1e9);
            emit(ev);
            if (!Double.isFinite(val.loss()) || !ModelReports.parametersFinite(model)) {
                return diverged("in epoch " + (epoch + 1));
            }
            if (folder != null && state.bestEpoch() == epoch) {
                Checkpoint.save(folder.best(), model, null, state);
            }
            saveCheckpoint();
            if (earlyStopDue()) {
                stopReason = earlyStopReason();
                break;
            }
        }
        RunSummary summary;
        try {
            summary = finish(stopReason);
        } catch (StopDuringEvaluation stop) {
            emit(new LifecycleEvent(runId, Kind.STOPPED, "stopped during the test evaluation; training is complete "
                    + "and saved, and resuming runs only the test evaluation"));
            return null;
        } catch (OutOfMemoryError oom) {
            emit(new LifecycleEvent(runId, Kind.FAILED, "out of memory evaluating on the test set, even in batches of "
                    + Evaluator.MIN_BATCH + " (" + oom.getMessage() + "); training is complete and saved: run "
                    + "'stridelab evaluate' on the run folder when more memory is free"));
            return null;
        }
        emit(new LifecycleEvent(runId, Kind.FINISHED, stopReason + "; test accuracy "
                + String.format("%.2f %%", 100 * summary.testAccuracy())));
        return summary;
    }

    /**
     * A live change asked for by the user (between steps, or while paused): checked
     * against the configuration as it stands, recorded in the change log, applied
     * from the next step on. A refusal, or a log that cannot be written (a full
     * disk), leaves everything as it was and says why.
     */
    private void changeRequested(TrainerControl.ChangeRequest request) {
        Setting<Double> setting = request.setting();
        long step = state.globalStep() + 1;
        var refusal = LiveSettings.refusal(config, setting, request.value());
        if (refusal.isPresent()) {
            emit(new LifecycleEvent(runId, Kind.CHANGE_REFUSED, setting.label() + " " + request.value()
                    + " refused: " + refusal.get()));
            return;
        }
        try {
            LiveChange change;
            if (setting.equals(Settings.MIXUP)) {
                long first = mixup.changeAtNextUnprepared(request.value(), step,
                        firstStep -> record(new LiveChange(step, setting, request.value(), firstStep)));
                change = new LiveChange(step, setting, request.value(), first);
            } else {
                change = new LiveChange(step, setting, request.value(), step);
                record(change);
            }
            emit(applied(change, false));
        } catch (UncheckedIOException failed) {
            emit(new LifecycleEvent(runId, Kind.CHANGE_REFUSED, setting.label() + " " + request.value()
                    + " not applied: the change log could not be written (" + failed.getCause().getMessage()
                    + "), and a change that is not recorded could not be replayed on resume"));
        }
    }

    private void record(LiveChange change) {
        if (folder != null) {
            try {
                ChangeLog.append(folder.changes(), change);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Makes again the recorded changes of a resumed run that fall on this step. */
    private void replayChangesOf(long step) {
        while (!replay.isEmpty() && replay.peek().step() <= step) {
            emit(applied(replay.poll(), true));
        }
    }

    /** Applies a change and returns the event that reports it. */
    private LiveChangeEvent applied(LiveChange change, boolean replayed) {
        double previous = LiveSettings.valueIn(config, change.setting());
        apply(change);
        return new LiveChangeEvent(runId, change.step(), change.setting().key(), change.setting().label(), previous,
                change.value(), change.firstBatchStep(), replayed);
    }

    /** Puts a change in force: the configuration, and the part of training it acts on. */
    private void apply(LiveChange change) {
        Setting<Double> setting = change.setting();
        double value = change.value();
        config = LiveSettings.applied(config, setting, value);
        if (setting.equals(Settings.LEARNING_RATE)) {
            schedule.rebase(value);
        } else if (setting.equals(Settings.WEIGHT_DECAY)) {
            optimizer.weightDecay(value);
        } else if (setting.equals(Settings.STRIDE_LR)) {
            learnedStrides.forEach(d -> d.learningRateMultiplier(value));
            optimizer = optimizer.regrouped();
        } else if (setting.equals(Settings.SMOOTHNESS)) {
            learnedStrides.forEach(d -> d.smoothness(value));
        } // mixup: the plan holds it (the loader reads it per batch)
    }

    /** Tells the listeners about a step that runs far longer than usual, or that such a step has ended. */
    private void reportStall(StallWatchdog.Stall stall) {
        emit(new LifecycleEvent(runId, stall.ended() ? Kind.STALL_ENDED : Kind.STALLED,
                stall.describe(lastCheckpoint)));
    }

    /**
     * The training batch: evaluation then fits in the training step's workspace
     * (its forward keeps less than a training step does) and needs no memory of its
     * own; a larger evaluation batch doubled a DiffStride run's resident memory.
     */
    private int evalBatch() {
        return config.data().batchSize();
    }

    /**
     * Evaluates in batches of {@link #evalBatch()}, halving the batch whenever memory
     * runs out (see {@link Evaluator#evaluateWithinMemory}); each batch is a unit of
     * work for the stall watchdog.
     */
    private Evaluation evaluate(LabeledImages images) {
        try {
            return Evaluator.evaluateWithinMemory(model, images, evalBatch(), () -> {
                if (control.isStopRequested()) {
                    throw new StopDuringEvaluation(); // an evaluation takes minutes at full width: obey between batches
                }
                monitor.evaluationBatchStarted();
            });
        } finally {
            monitor.idle();
        }
    }

    /** A stop obeyed between two evaluation batches; the evaluation is repeated on resume. */
    private static final class StopDuringEvaluation extends RuntimeException {
        StopDuringEvaluation() {
            super("stop requested during evaluation", null, false, false);
        }
    }

    private boolean earlyStopDue() {
        return config.schedule().patience() > 0 && !state.validationAccuracies().isEmpty()
                && state.epochsWithoutImprovement() >= config.schedule().patience();
    }

    private String earlyStopReason() {
        return "early stop: no better validation accuracy for " + config.schedule().patience() + " epochs (best "
                + String.format("%.2f %%", 100 * state.bestValidationAccuracy()) + " at epoch "
                + (state.bestEpoch() + 1) + ")";
    }

    private record StepResult(double loss, int correct, double learningRate) {
    }

    private StepResult step(Batch batch, int epoch) {
        double lr = schedule.at(state.globalStep());
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                .getAndActivateWorkspace(Workspaces.STEP, Workspaces.STEP_ID)) {
            monitor.phase(TrainingPhase.FORWARD);
            INDArray x = Batches.images(batch);
            INDArray logits = model.forward(x, true);
            double value = loss.forward(logits, Batches.targets(batch));
            int correct = Batches.countCorrect(logits, batch.labels());
            if (!Double.isFinite(value)) {
                model.clearCache();
                loss.backward();
                return new StepResult(value, correct, lr);
            }
            monitor.phase(TrainingPhase.BACKWARD);
            model.backward(loss.backward());
            if (costRegularizer != null) {
                value += costRegularizer.addGradient();
            }
            monitor.phase(TrainingPhase.UPDATE);
            optimizer.step(state.globalStep(), epoch);
            model.clearCache();
            return new StepResult(value, correct, lr);
        }
    }

    /**
     * Saves the checkpoint unless the weights are no longer finite (an update can
     * blow them up after a finite loss): a checkpoint must always be a good one.
     *
     * @return false when the weights diverged and nothing was saved
     */
    private boolean saveCheckpoint() throws IOException {
        if (!ModelReports.parametersFinite(model)) {
            return false;
        }
        if (folder == null) {
            return true;
        }
        for (TrainingListener l : listeners) {
            l.beforeCheckpoint(); // the logs reach the disk first, so files and checkpoint agree
        }
        TrainingPhase was = monitor.snapshot().phase();
        if (was == TrainingPhase.WAITING) {
            monitor.idle(); // outside a step (a stop, an epoch's end): the checkpoint's clock starts now
        }
        monitor.phase(TrainingPhase.CHECKPOINT);
        Checkpoint.save(folder.checkpoint(), model, optimizer, state);
        monitor.phase(was);
        lastCheckpoint = describeCheckpoint(state);
        return true;
    }

    /** Where a checkpoint of this state leaves the run, in words for a stop or stall message. */
    private String describeCheckpoint(TrainerState at) {
        if (folder == null) {
            return "nothing (this run has no folder)";
        }
        return folder.checkpoint() + " (step " + at.globalStep() + ", epoch " + (at.nextEpoch() + 1)
                + (at.nextBatch() == 0 ? " not yet begun" : " at batch " + at.nextBatch() + " of " + stepsPerEpoch)
                + ")";
    }

    /** The checkpoint a kill would keep now, in words. */
    public String lastCheckpoint() {
        return lastCheckpoint;
    }

    private RunSummary diverged(String where) {
        emit(new LifecycleEvent(runId, Kind.FAILED, "the weights became NaN or infinite " + where
                + ": training diverged (try a lower learning rate, e.g. " + config.optimiser().learningRate() / 10
                + "); the last good checkpoint is kept"));
        return null;
    }

    private RunSummary finish(String stopReason) throws IOException {
        if (folder != null && java.nio.file.Files.exists(folder.best())) {
            Checkpoint.load(folder.best(), model, null);
        }
        Evaluation test = evaluate(data.test());
        Map<String, double[]> strides = ModelReports.finalStrides(model);
        int epochsRun = state.validationAccuracies().size();
        RunSummary summary = new RunSummary(runId, config.model().method().cliName(), config.model().strides(), epochsRun,
                state.globalStep(), state.bestValidationAccuracy(), state.bestEpoch() + 1, test.accuracy(),
                test.loss(), model.parameterCount(), model.multiplyAdds(32, 32),
                epochsRun == 0 ? 0 : state.elapsedSeconds() / epochsRun, strides, data.description(), stopReason,
                state.validationAccuracies());
        emit(summary);
        return summary;
    }

    /** Hands an event to every listener, by its kind. */
    private void emit(TrainingEvent event) {
        for (TrainingListener l : listeners) {
            l.receive(event);
        }
    }
}
