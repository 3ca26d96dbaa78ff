package org.stridelab.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderReader;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.Checkpoint;
import org.stridelab.engine.train.ChangeLog;
import org.stridelab.engine.train.events.RunSummary;

/**
 * The finished example runs the app ships (assets/examples/runs, made by
 * make-examples.sh) are run folders in the format the engine writes today:
 * they open, their logs read back whole, their config.json is what writing
 * their configuration gives now, and their best weights fit the network it builds.
 */
class ExampleRunsTest {
    private static final Path EXAMPLES = Path.of("..", "assets", "examples", "runs");

    private static List<Path> runFolders() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().equals("config.json")).map(Path::getParent).sorted()
                    .toList();
        }
    }

    @Test
    void theShippedRunsAreFinishedRunFoldersOfTodaysFormat() throws IOException {
        List<Path> runs = runFolders();
        assertEquals(2 + 6, runs.size(), "two runs and a grid of six cells: " + runs);
        for (Path dir : runs) {
            RunFolder folder = RunFolder.open(dir);
            RunConfig config = folder.readConfig();
            JsonNode written = Json.mapper().readTree(Json.write(config));
            assertEquals(written, Json.mapper().readTree(folder.config().toFile()),
                    dir + ": config.json as the engine writes it today");
            assertEquals(RunFolderWriter.METRICS_HEADER, Files.readAllLines(folder.metrics()).get(0));
            assertEquals(RunFolderWriter.EPOCHS_HEADER, Files.readAllLines(folder.epochs()).get(0));
            assertEquals(RunFolderWriter.STRIDES_HEADER, Files.readAllLines(folder.strides()).get(0));
            RunFolderReader.Contents logs = RunFolderReader.read(folder);
            assertEquals(List.of(), logs.problems(), dir + " reads back whole");
            RunSummary summary = Json.read(folder.summary(), RunSummary.class);
            assertEquals(config.schedule().epochs(), logs.epochs().size(), dir + ": every epoch logged");
            assertEquals(summary.steps(), logs.steps().size(), dir + ": every step logged");
            assertTrue(summary.testAccuracy() > 0.1, dir + ": trained past chance, " + summary.testAccuracy());
            assertEquals(List.of(), ChangeLog.read(folder.changes()));
            assertTrue(folder.isFinished());
            assertFalse(folder.hasCheckpoint(), dir + ": the training checkpoint is not shipped");
            ResNet18 model = new ResNet18(config.modelConfig());
            Checkpoint.load(folder.best(), model, null); // throws if a shape or name does not fit
            assertEquals(summary.parameters(), model.parameterCount());
        }
    }

    @Test
    void theShippedGridReportsEveryCellFinished() throws IOException {
        GridResults grid = GridResults.load(EXAMPLES.resolve("grid-good-and-poor-start"));
        assertEquals(6, grid.cells().size());
        assertEquals(6, grid.count(CellStatus.FINISHED));
    }
}
