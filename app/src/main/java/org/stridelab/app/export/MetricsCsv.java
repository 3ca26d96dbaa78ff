package org.stridelab.app.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;

/**
 * Writes a run's metrics as CSV with the run folder's own headers
 * ({@link RunFolderWriter#METRICS_HEADER}, {@link RunFolderWriter#EPOCHS_HEADER}),
 * so an exported file and a run folder's file read the same way.
 */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    /** Step rows into {@code file}; epoch rows, if any, into a sibling file ending in {@code -epochs.csv}. */
    public static void write(RunMetrics metrics, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(RunFolderWriter.METRICS_HEADER + "\n");
            for (StepEvent e : metrics.steps()) {
                out.write(String.format(Locale.ROOT, "%d,%d,%d,%.6g,%.6g,%.6g,%.6g%n", e.globalStep(), e.epoch(),
                        e.stepInEpoch(), e.loss(), e.learningRate(), e.imagesPerSecond(), e.elapsedSeconds()));
            }
        }
        if (!metrics.epochs().isEmpty()) {
            try (Writer out = Files.newBufferedWriter(epochsFile(file), StandardCharsets.UTF_8)) {
                out.write(RunFolderWriter.EPOCHS_HEADER + "\n");
                for (EpochEvent e : metrics.epochs()) {
                    out.write(String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,%.6g,%.6g,%.6g%n", e.globalStep(), e.epoch(),
                            e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                            e.epochSeconds()));
                }
            }
        }
    }

    public static Path epochsFile(Path metricsFile) {
        String name = metricsFile.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return metricsFile.resolveSibling(base + "-epochs.csv");
    }
}
