package org.stridelab.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.CheckpointFiles;

/**
 * The files a run leaves on disk. The app, the command line and the
 * experiment grid all read and write this same layout:
 *
 * <pre>
 *   config.json      the whole configuration, seeds included
 *   metrics.csv      one row per training step
 *   epochs.csv       one row per epoch (train and validation accuracy and loss)
 *   strides.csv      one row per step and spectral layer
 *   checkpoint.zip   the latest complete checkpoint (atomic replace)
 *   best.zip         the weights with the best validation accuracy so far
 *   summary.json     final accuracies, parameters, cost, learned strides
 *   changes.csv      hyper-parameters changed while the run trained (only if any were)
 * </pre>
 */
public record RunFolder(Path path) implements CheckpointFiles {

    public Path config() { return path.resolve("config.json"); }
    public Path metrics() { return path.resolve("metrics.csv"); }
    public Path epochs() { return path.resolve("epochs.csv"); }
    public Path strides() { return path.resolve("strides.csv"); }
    @Override
    public Path checkpoint() { return path.resolve("checkpoint.zip"); }
    @Override
    public Path best() { return path.resolve("best.zip"); }
    public Path summary() { return path.resolve("summary.json"); }
    @Override
    public Path changes() { return path.resolve("changes.csv"); }

    public boolean isFinished() {
        return Files.isRegularFile(summary());
    }

    /** Creates the folder for a new run; refuses to overwrite another run's files. */
    public static RunFolder create(Path path, RunConfig config) throws IOException {
        RunFolder folder = new RunFolder(path);
        if (Files.exists(folder.config())) {
            throw new IOException(path + " already holds a run; resume it with --resume " + path
                    + " or choose another --out folder");
        }
        Files.createDirectories(path);
        Json.writeAtomically(folder.config(), config);
        return folder;
    }

    /** Opens an existing run folder (to resume or evaluate it). */
    public static RunFolder open(Path path) throws IOException {
        RunFolder folder = new RunFolder(path);
        if (!Files.isRegularFile(folder.config())) {
            throw new IOException(path + " is not a run folder: it has no config.json");
        }
        return folder;
    }

    /**
     * Deletes the temporary files of atomic writes that a kill interrupted
     * ({@code .NAME*.tmp}): the files they were to replace are intact, and the
     * half-written copies would only take space.
     */
    public void removeStaleTemporaryFiles() throws IOException {
        try (var files = Files.newDirectoryStream(path, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    public RunConfig readConfig() throws IOException {
        RunConfig config = Json.read(config(), RunConfig.class);
        var problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IOException(config() + " holds an invalid configuration: " + String.join("; ", problems));
        }
        return config;
    }
}
