package org.stridelab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderReaderTest {

    private static RunFolder folder(Path dir, String metrics, String epochs, String strides) throws Exception {
        RunFolder f = new RunFolder(dir);
        Files.writeString(f.metrics(), metrics, StandardCharsets.UTF_8);
        Files.writeString(f.epochs(), epochs, StandardCharsets.UTF_8);
        Files.writeString(f.strides(), strides, StandardCharsets.UTF_8);
        return f;
    }

    private static final String METRICS = RunFolderWriter.METRICS_HEADER + "\n"
            + "1,0,0,2.30,0.1,400,0.5\n"
            + "2,0,1,2.20,0.1,410,1.0\n";
    private static final String EPOCHS = RunFolderWriter.EPOCHS_HEADER + "\n"
            + "2,0,2.25,0.12,2.1,0.2,1.5\n";
    private static final String STRIDES = RunFolderWriter.STRIDES_HEADER + "\n"
            + "1,stage2,2.0,2.0,32,32,16,16,1000\n"
            + "2,stage2,2.1,1.9,32,32,15,17,990\n";

    @Test
    void readsEveryColumnByTheWritersNames(@TempDir Path dir) throws Exception {
        RunFolderReader.Contents c = RunFolderReader.read(folder(dir, METRICS, EPOCHS, STRIDES));
        assertEquals(List.of(), c.problems());
        assertEquals(new RunFolderReader.Step(2, 0, 1, 2.20, 0.1, 410, 1.0), c.steps().get(1));
        assertEquals(new RunFolderReader.Epoch(2, 0, 2.25, 0.12, 2.1, 0.2, 1.5), c.epochs().get(0));
        assertEquals(new RunFolderReader.Stride(2, "stage2", 2.1, 1.9, 32, 32, 15, 17, 990), c.strides().get(1));
    }

    @Test
    void aTornLastRowIsSkippedQuietly(@TempDir Path dir) throws Exception {
        RunFolderReader.Contents c = RunFolderReader.read(folder(dir, METRICS + "3,0,2,2.1", EPOCHS + "3,1,2.",
                STRIDES + "3,sta"));
        assertEquals(2, c.steps().size());
        assertEquals(1, c.epochs().size());
        assertEquals(2, c.strides().size());
        assertEquals(List.of(), c.problems(), "a run still writing is not damaged");
    }

    /** A kill mid-row can leave a last row that parses, with a number cut short: still skipped. */
    @Test
    void anUnterminatedLastRowIsSkippedEvenWhenItParses(@TempDir Path dir) throws Exception {
        RunFolderReader.Contents c = RunFolderReader.read(folder(dir, METRICS + "3,0,2,2.1,0.1,400,1", EPOCHS,
                STRIDES + "3,stage2,2.0,2.0,32,32,16,16,10"));
        assertEquals(2, c.steps().size());
        assertEquals(2, c.strides().size());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void damagedRowsAreSkippedAndTheFileIsNamed(@TempDir Path dir) throws Exception {
        String metrics = RunFolderWriter.METRICS_HEADER + "\n" + "1,0,0,2.30,0.1,400,0.5\n" + "x,\u0000,zz\n"
                + "2,0,1,NOPE,0.1,410,1.0\n" + "3,0,2,2.1,0.1,400,1.5\n";
        String strides = "step,layer\n1,stage2\n";
        RunFolderReader.Contents c = RunFolderReader.read(folder(dir, metrics, EPOCHS, strides));
        assertEquals(List.of(1L, 3L), c.steps().stream().map(RunFolderReader.Step::step).toList());
        assertEquals(1, c.epochs().size(), "the other files still read");
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).startsWith("metrics.csv is damaged: 2 rows"), c.problems().get(0));
        assertTrue(c.problems().get(0).contains("first at line 3"), c.problems().get(0));
        assertTrue(c.problems().get(1).startsWith("strides.csv is damaged: its header lacks stride_h"),
                c.problems().get(1));
    }

    @Test
    void missingLogsAreEmptyNotDamaged(@TempDir Path dir) {
        RunFolderReader.Contents c = RunFolderReader.read(new RunFolder(dir));
        assertTrue(c.steps().isEmpty() && c.epochs().isEmpty() && c.strides().isEmpty());
        assertEquals(List.of(), c.problems());
    }
}
