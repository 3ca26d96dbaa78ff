package org.stridelab.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.stridelab.engine.data.CifarLayout;
import org.stridelab.engine.data.DatasetManifest;

/**
 * A small .tar.gz in the CIFAR-10 binary layout (the official folder name and
 * file names, a label byte then 3072 pixel bytes per record), with the
 * manifest that tells the reader the record counts are intended. Copied in
 * spirit from the engine's CifarTestFiles: app tests do not depend on engine
 * test classes.
 */
final class CifarTestArchive {
    static final String DESCRIPTION = "app test dataset";
    private static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private CifarTestArchive() {
    }

    /** Writes the archive: {@code perTrainFile} records in each of the five training files, {@code test} in the test file. */
    static Path write(Path archive, int perTrainFile, int test) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        long seed = 1;
        for (String name : CifarLayout.TRAIN_FILES) {
            files.put(name, records(perTrainFile, seed++));
            counts.put(name, perTrainFile);
        }
        files.put(CifarLayout.TEST_FILE, records(test, 99));
        counts.put(CifarLayout.TEST_FILE, test);
        files.put(CifarLayout.META_FILE, (String.join("\n", CLASSES) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(DatasetManifest.FILE_NAME, new DatasetManifest(DESCRIPTION, counts, Map.of()).format()
                .getBytes(StandardCharsets.UTF_8));
        try (OutputStream raw = Files.newOutputStream(archive);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(CifarLayout.FOLDER_NAME + "/" + e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    /** Random pixels, labels cycling through the ten classes (so every class is present). */
    private static byte[] records(int count, long seed) {
        byte[] data = new byte[count * CifarLayout.RECORD_BYTES];
        new Random(seed).nextBytes(data);
        for (int r = 0; r < count; r++) {
            data[r * CifarLayout.RECORD_BYTES] = (byte) (r % CifarLayout.CLASSES);
        }
        return data;
    }
}
