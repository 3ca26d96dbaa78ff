package org.stridelab.engine.session;

import org.stridelab.engine.config.Settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.experiment.GridSpec;
import org.stridelab.engine.experiment.Presets;
import org.stridelab.engine.fuzz.FuzzCampaign;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderReader;
import org.stridelab.engine.train.Checkpoint;
import org.stridelab.engine.train.GeneratedSplits;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.events.RunSummary;

/**
 * Damaged run and grid files (checkpoints, best weights, config.json,
 * summary.json, grid.json, the CSV logs) are read or refused with a one-line
 * message, never a stack trace or a hang, and the good files are left as they were.
 * The files come from a real two-step run.
 */
class RunFilesFuzzTest {
    private static final Predicate<Throwable> IO = t -> t instanceof IOException;

    @RegisterExtension
    static final GeneratedSplits DATA = new GeneratedSplits(64, 40);
    @TempDir
    static Path dir;
    static RunFolder run;
    static RunConfig config;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        // The narrowest network the lab builds: its checkpoint reads fastest, and the format is the same.
        config = RunConfig.builder().set(Settings.NAME, "fuzzed").set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE).set(Settings.WIDTH, 0.0625)
                .set(Settings.BATCH_SIZE, 32).set(Settings.EPOCHS, 1).set(Settings.LEARNING_RATE, 0.05).set(Settings.DATA_SOURCE, "generated").set(Settings.TRAIN_LIMIT, 64).set(Settings.SEED, 5).build();
        RunSession session = RunSession.create(dir.resolve("run"), config);
        session.prepare(DATA.splits(), null);
        session.run(List.of());
        run = session.folder();
    }

    /** Fuzzes a copy of one of the run's files in a folder of its own; the run's own file stays good. */
    private static Path copy(Path file, String name) throws IOException {
        Path folder = Files.createTempDirectory(dir, name);
        for (Path f : List.of(run.config(), run.metrics(), run.epochs(), run.strides(), run.summary())) {
            Files.copy(f, folder.resolve(f.getFileName()));
        }
        return folder.resolve(file.getFileName());
    }

    @Test
    void damagedCheckpointsAreRefusedWithAClearMessage() throws Exception {
        byte[] good = Files.readAllBytes(run.checkpoint());
        Path target = copy(run.checkpoint(), "checkpoint");
        Trainer trainer = new Trainer(config, DATA.splits(), new RunFolder(target.getParent()), null);
        FuzzCampaign.run("checkpoint.zip", good, target, 201, FuzzCampaign.PER_MUTATION, IO,
                trainer::restoreIfPossible);
        assertArrayEquals(good, Files.readAllBytes(run.checkpoint()));
    }

    @Test
    void damagedBestWeightsAreRefusedWithAClearMessage() throws Exception {
        byte[] good = Files.readAllBytes(run.best());
        Path target = copy(run.best(), "best");
        ResNet18 model = new ResNet18(config.modelConfig());
        FuzzCampaign.run("best.zip", good, target, 202, FuzzCampaign.PER_MUTATION, IO,
                () -> Checkpoint.load(target, model, null));
        assertArrayEquals(good, Files.readAllBytes(run.best()));
    }

    @Test
    void damagedJsonFilesAreRefusedWithAClearMessage() throws Exception {
        Path config = copy(run.config(), "config");
        FuzzCampaign.run("config.json", Files.readAllBytes(run.config()), config, 203, FuzzCampaign.PER_MUTATION, IO,
                () -> RunFolder.open(config.getParent()).readConfig());
        Path summary = copy(run.summary(), "summary");
        FuzzCampaign.run("summary.json", Files.readAllBytes(run.summary()), summary, 204, FuzzCampaign.PER_MUTATION,
                IO, () -> Json.read(summary, RunSummary.class));
        GridSpec spec = Presets.named("lecture");
        Path gridDir = dir.resolve("grid");
        GridFolder grid = GridFolder.prepare(gridDir, spec);
        byte[] goodGrid = Files.readAllBytes(grid.definition());
        FuzzCampaign.run("grid.json", goodGrid, grid.definition(), 205, FuzzCampaign.PER_MUTATION, IO,
                () -> GridFolder.open(gridDir).readSpec());
    }

    @Test
    void damagedLogsShowWhatIsReadableAndNameTheDamagedFile() throws Exception {
        for (Path log : List.of(run.metrics(), run.epochs(), run.strides())) {
            Path target = copy(log, log.getFileName().toString());
            RunFolder folder = new RunFolder(target.getParent());
            FuzzCampaign.run(log.getFileName().toString(), Files.readAllBytes(log), target, 206,
                    FuzzCampaign.PER_MUTATION, IO, () -> {
                        RunFolderReader.Contents c = RunFolderReader.read(folder);
                        if (!c.problems().isEmpty()) {
                            throw new IOException(String.join("; ", c.problems()));
                        }
                    });
        }
        assertTrue(RunFolderReader.read(run).problems().isEmpty(), "the run's own logs are untouched");
    }
}
