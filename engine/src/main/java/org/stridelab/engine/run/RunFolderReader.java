package org.stridelab.engine.run;

import java.io.IOException;
import org.stridelab.engine.train.ChangeLog;
import org.stridelab.engine.train.LiveChange;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of a run folder's logs, for everything that shows a run after
 * the fact: the app's reopened runs, the Compare tab and the grid report. Columns
 * are found by the names {@link RunFolderWriter} writes. A torn last row (a run
 * still writing, or killed mid-write) is skipped quietly; other damage skips the
 * row and names the file in {@link Contents#problems()}: whatever is readable is
 * shown, and nothing fails the whole view.
 */
public final class RunFolderReader {

    /** A row of metrics.csv: one training step. */
    public record Step(long step, int epoch, int batch, double loss, double learningRate, double imagesPerSecond,
                       double elapsedSeconds) {
    }

    /** A row of epochs.csv. */
    public record Epoch(long step, int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy, double epochSeconds) {
    }

    /** A row of strides.csv: one spectral layer at one step. */
    public record Stride(long step, String layer, double strideHeight, double strideWidth, int inputHeight,
                         int inputWidth, int outputHeight, int outputWidth, long multiplyAddsPerImage) {
    }

    /**
     * What a folder's logs hold, and what could not be read of them (one line per damaged file);
     * {@code changes} are the live changes of hyper-parameters, oldest first.
     */
    public record Contents(List<Step> steps, List<Epoch> epochs, List<Stride> strides, List<LiveChange> changes,
                           List<String> problems) {
    }

    private RunFolderReader() {
    }

    public static Contents read(RunFolder folder) {
        List<String> problems = new ArrayList<>();
        List<Step> steps = steps(folder, problems);
        List<Epoch> epochs = epochs(folder, problems);
        List<Stride> strides = strides(folder, problems);
        List<LiveChange> changes = changes(folder, problems);
        return new Contents(steps, epochs, strides, changes, List.copyOf(problems));
    }

    /** The folder's live changes (changes.csv); none when it has no such file or it cannot be read. */
    public static List<LiveChange> changes(RunFolder folder, List<String> problems) {
        try {
            return ChangeLog.read(folder.changes());
        } catch (IOException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    public static List<Step> steps(RunFolder folder, List<String> problems) {
        return CsvRows.read(folder.metrics(), RunFolderWriter.METRICS_HEADER, r -> new Step(r.whole("step"),
                r.integer("epoch"), r.integer("batch"), r.number("loss"), r.number("learning_rate"),
                r.number("images_per_second"), r.number("elapsed_seconds")), problems);
    }

    public static List<Epoch> epochs(RunFolder folder, List<String> problems) {
        return CsvRows.read(folder.epochs(), RunFolderWriter.EPOCHS_HEADER, r -> new Epoch(r.whole("step"),
                r.integer("epoch"), r.number("train_loss"), r.number("train_accuracy"), r.number("validation_loss"),
                r.number("validation_accuracy"), r.number("epoch_seconds")), problems);
    }

    public static List<Stride> strides(RunFolder folder, List<String> problems) {
        return CsvRows.read(folder.strides(), RunFolderWriter.STRIDES_HEADER, r -> new Stride(r.whole("step"),
                nonEmpty(r.text("layer")), r.number("stride_h"), r.number("stride_w"), r.integer("input_h"),
                r.integer("input_w"), r.integer("output_h"), r.integer("output_w"),
                r.whole("multiply_adds_per_image")), problems);
    }

    private static String nonEmpty(String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException("no layer name");
        }
        return s;
    }
}
