package org.stridelab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderWriterTest {

    /**
     * Killed after epoch 0's row was written but before its end-of-epoch checkpoint,
     * with a step checkpoint on the epoch's last step (4): the resume evaluates epoch 0
     * again, so its old row must go, though its step is not after the checkpoint's.
     */
    @Test
    void aResumeKeepsStepRowsUpToTheCheckpointAndEpochRowsOnlyOfEpochsItSawEnd(@TempDir Path dir) throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.writeString(folder.metrics(), RunFolderWriter.METRICS_HEADER + "\n1,0,0,2.3,0.1,9,1\n4,0,3,2.1,0.1,9,4\n"
                + "5,1,0,2.0,0.1,9,5\n", StandardCharsets.UTF_8);
        Files.writeString(folder.epochs(), RunFolderWriter.EPOCHS_HEADER + "\n4,0,2.2,0.2,2.1,0.3,5\n",
                StandardCharsets.UTF_8);
        new RunFolderWriter(folder, 4, 0).close();
        RunFolderReader.Contents c = RunFolderReader.read(folder);
        assertEquals(List.of(1L, 4L), c.steps().stream().map(RunFolderReader.Step::step).toList());
        assertEquals(List.of(), c.epochs(), "epoch 0 is evaluated again after the resume");

        Files.writeString(folder.epochs(), RunFolderWriter.EPOCHS_HEADER + "\n4,0,2.2,0.2,2.1,0.3,5\n",
                StandardCharsets.UTF_8);
        new RunFolderWriter(folder, 4, 1).close();
        assertEquals(1, RunFolderReader.read(folder).epochs().size(), "a checkpoint after the epoch keeps its row");
    }
}
