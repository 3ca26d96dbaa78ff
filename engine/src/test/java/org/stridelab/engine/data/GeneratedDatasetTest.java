package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDatasetTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Path a = GeneratedDataset.ensure(dir.resolve("a"), 103, 40, 7);
        Path b = GeneratedDataset.ensure(dir.resolve("b"), 103, 40, 7);
        Path c = GeneratedDataset.ensure(dir.resolve("c"), 103, 40, 8);

        for (String name : CifarLayout.batchFiles()) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
            assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(c.resolve(name))), name);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve(DatasetManifest.FILE_NAME)),
                Files.readAllBytes(b.resolve(DatasetManifest.FILE_NAME)));
    }

    @Test
    void goesThroughTheCifarReaderWithBalancedClasses() {
        Path folder = GeneratedDataset.ensure(dir.resolve("g"), 500, 100, 3);

        CifarDataset d = CifarBinaryReader.read(folder);

        assertEquals(GeneratedDataset.CLASS_NAMES, d.classNames());
        assertEquals(500, d.train().size());
        assertEquals(100, d.test().size());
        int[] train = d.train().classCounts();
        int[] test = d.test().classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(50, train[c], "train class " + c);
            assertEquals(10, test[c], "test class " + c);
        }
        assertTrue(d.description().contains("generated"), d.description());
        // The same images as generated in memory.
        assertArrayEquals(GeneratedDataset.generate(100, 3, 2).pixels(), d.test().pixels());
    }

    @Test
    void spreadsAnyTrainCountOverTheFiveFiles() throws IOException {
        Path folder = GeneratedDataset.ensure(dir.resolve("g"), 13, 3, 1);

        long[] sizes = new long[5];
        for (int f = 0; f < 5; f++) {
            sizes[f] = Files.size(folder.resolve(CifarLayout.TRAIN_FILES.get(f))) / CifarLayout.RECORD_BYTES;
        }
        assertArrayEquals(new long[] {3, 3, 3, 2, 2}, sizes);
        assertEquals(13, CifarBinaryReader.read(folder).train().size());
    }

    @Test
    void aCompleteDatasetIsNotWrittenAgainButAChangedOneIs() throws IOException {
        Path folder = GeneratedDataset.ensure(dir.resolve("g"), 50, 20, 1);
        Path batch = folder.resolve("data_batch_1.bin");
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(batch, old);

        GeneratedDataset.ensure(folder, 50, 20, 1);
        assertEquals(old, Files.getLastModifiedTime(batch), "skipped: nothing rewritten");

        Files.write(batch, new byte[10]); // damaged
        GeneratedDataset.ensure(folder, 50, 20, 1);
        assertEquals(10 * CifarLayout.RECORD_BYTES, Files.size(batch));

        GeneratedDataset.ensure(folder, 60, 20, 1); // other counts replace it
        assertEquals(60, CifarBinaryReader.read(folder).train().size());
        try (var siblings = Files.list(dir)) {
            // the dataset, and the (empty) file its writers lock: no temporary folder
            assertEquals(java.util.List.of(".g.lock", "g"), siblings.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no temporary folders left behind");
        }
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotAGeneratedDataset() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(folder.resolve("thesis.tex"), "precious");

        DatasetException e = assertThrows(DatasetException.class, () -> GeneratedDataset.ensure(folder, 50, 20, 1));

        assertTrue(e.getMessage().contains("not a generated dataset"), e.getMessage());
        assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
    }

    @Test
    void everyClassVariesAndNoneIsGivenAwayByColour() {
        LabeledImages images = GeneratedDataset.generate(1000, 5, 1);
        double[][] meanColour = new double[10][3];
        int[] counts = images.classCounts();
        for (int i = 0; i < images.size(); i++) {
            float[] rgb = images.imageRgb(i);
            for (int ch = 0; ch < 3; ch++) {
                double sum = 0;
                for (int k = 0; k < LabeledImages.PLANE; k++) {
                    sum += rgb[ch * LabeledImages.PLANE + k];
                }
                meanColour[images.label(i)][ch] += sum / LabeledImages.PLANE / counts[images.label(i)];
            }
        }
        for (int c = 0; c < 10; c++) {
            for (int ch = 0; ch < 3; ch++) {
                // Colours are drawn independently of the class: every class averages near mid-grey.
                assertEquals(0.5, meanColour[c][ch], 0.1, "class " + c + " channel " + ch);
            }
        }
        // No two images are the same.
        assertFalse(Arrays.equals(CifarTestFiles.image(images, 0), CifarTestFiles.image(images, 10)));
    }

    @Test
    void generatesTheDefaultSizeQuickly() {
        long start = System.nanoTime();
        GeneratedDataset.generate(GeneratedDataset.DEFAULT_TRAIN_COUNT + GeneratedDataset.DEFAULT_TEST_COUNT, 1, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Well under 5 s on a quiet machine (about 1 s measured); generous for a busy CI.
        assertTrue(seconds < 15, "took " + seconds + " s");
    }
}
