package org.stridelab.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
import org.stridelab.engine.train.events.TrainingListener;
import org.stridelab.engine.io.Json;

/** Writes a run's events into its folder: metrics.csv, epochs.csv, strides.csv, summary.json. */
public final class RunFolderWriter implements TrainingListener, AutoCloseable {
    public static final String METRICS_HEADER = "step,epoch,batch,loss,learning_rate,images_per_second,elapsed_seconds";
    public static final String EPOCHS_HEADER =
            "step,epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,epoch_seconds";
    public static final String STRIDES_HEADER =
            "step,layer,stride_h,stride_w,input_h,input_w,output_h,output_w,multiply_adds_per_image";

    private final RunFolder folder;
    private final CsvLog metrics;
    private final CsvLog epochs;
    private final CsvLog strides;

    /**
     * Opens the folder's logs, keeping only rows up to {@code keepThroughStep}
     * (the step of the checkpoint being resumed; -1 keeps all).
     */
    public RunFolderWriter(RunFolder folder, long keepThroughStep) throws IOException {
        this(folder, keepThroughStep, Integer.MAX_VALUE);
    }

    /**
     * Opens the folder's logs for a run resumed from a checkpoint at
     * {@code keepThroughStep} whose next epoch is {@code finishedEpochs}: step rows
     * up to that step stay, and epoch rows only for epochs the checkpoint has seen
     * end. (A checkpoint taken on an epoch's last step, every N steps, comes before
     * that epoch's evaluation: its row is written again after the resume.)
     */
    public RunFolderWriter(RunFolder folder, long keepThroughStep, int finishedEpochs) throws IOException {
        this.folder = folder;
        CsvLog.Keep upToStep = cells -> keepThroughStep < 0 || Long.parseLong(cells[0]) <= keepThroughStep;
        this.metrics = new CsvLog(folder.metrics(), METRICS_HEADER, upToStep);
        this.epochs = new CsvLog(folder.epochs(), EPOCHS_HEADER,
                cells -> upToStep.row(cells) && Integer.parseInt(cells[1]) < finishedEpochs);
        this.strides = new CsvLog(folder.strides(), STRIDES_HEADER, upToStep);
    }

    @Override
    public void onStep(StepEvent e) {
        metrics.row(e.globalStep(), e.epoch(), e.stepInEpoch(), e.loss(), e.learningRate(), e.imagesPerSecond(),
                e.elapsedSeconds());
    }

    @Override
    public void onStrides(StridesEvent e) {
        for (PoolingState s : e.layers()) {
            strides.row(e.globalStep(), s.name(), s.strideHeight(), s.strideWidth(), s.inputHeight(),
                    s.inputWidth(), s.outputHeight(), s.outputWidth(), e.multiplyAddsPerImage());
        }
    }

    @Override
    public void onEpoch(EpochEvent e) {
        epochs.row(e.globalStep(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy(), e.epochSeconds());
        flush();
    }

    @Override
    public void beforeCheckpoint() {
        flush();
    }

    /** Forces buffered rows to disk (before a checkpoint, so files and checkpoint agree). */
    public void flush() {
        metrics.flush();
        epochs.flush();
        strides.flush();
    }

    @Override
    public void onFinished(RunSummary summary) {
        flush();
        try {
            Json.writeAtomically(folder.summary(), summary);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        metrics.close();
        epochs.close();
        strides.close();
    }
}
