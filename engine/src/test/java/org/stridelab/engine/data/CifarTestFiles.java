package org.stridelab.engine.data;

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

/** Small CIFAR-format datasets made by the tests themselves. */
public final class CifarTestFiles {

    /** The description the test datasets' manifest gives (a run's summary names its data by it). */
    public static final String DESCRIPTION = "test dataset";
    static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
            "ship", "truck");

    private CifarTestFiles() {
    }

    /** Random records: label byte then 3072 pixel bytes each. */
    public static byte[] records(int count, long seed) {
        Random rng = new Random(seed);
        byte[] data = new byte[count * CifarLayout.RECORD_BYTES];
        rng.nextBytes(data);
        for (int r = 0; r < count; r++) {
            data[r * CifarLayout.RECORD_BYTES] = (byte) (r % 10);
        }
        return data;
    }

    /** All files of a dataset with {@code perTrainFile} records per training file and {@code test} test records. */
    public static Map<String, byte[]> files(int perTrainFile, int test) {
        return files(perTrainFile, test, DESCRIPTION);
    }

    /**
     * The same, with the manifest's description (null: none, so the reader describes the files by their
     * layout, as it does official CIFAR-10 files, which have no manifest).
     */
    public static Map<String, byte[]> files(int perTrainFile, int test, String description) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        long seed = 1;
        for (String name : CifarLayout.TRAIN_FILES) {
            files.put(name, records(perTrainFile, seed++));
            counts.put(name, perTrainFile);
        }
        files.put(CifarLayout.TEST_FILE, records(test, 99));
        counts.put(CifarLayout.TEST_FILE, test);
        files.put(CifarLayout.META_FILE, (String.join("\n", NAMES) + "\n\n").getBytes(StandardCharsets.UTF_8));
        files.put(DatasetManifest.FILE_NAME, new DatasetManifest(description, counts, Map.of()).format()
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static Path writeFolder(Path folder, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(folder.resolve(e.getKey()), e.getValue());
        }
        return folder;
    }

    /** A .tar.gz in the official layout (files under cifar-10-batches-bin/), plus a readme and hostile entries. */
    public static Path writeArchive(Path archive, Map<String, byte[]> files) throws IOException {
        try (OutputStream raw = Files.newOutputStream(archive);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry dir = new TarArchiveEntry(CifarLayout.FOLDER_NAME + "/");
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            // Entries the reader must ignore: a path escaping the folder and a symbolic link.
            put(tar, "../" + CifarLayout.TEST_FILE, new byte[] {1, 2, 3});
            TarArchiveEntry link = new TarArchiveEntry(CifarLayout.FOLDER_NAME + "/" + CifarLayout.META_FILE,
                    TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                put(tar, CifarLayout.FOLDER_NAME + "/" + e.getKey(), e.getValue());
            }
            put(tar, CifarLayout.FOLDER_NAME + "/readme.html", "<html></html>".getBytes(StandardCharsets.UTF_8));
        }
        return archive;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** The label and pixels of record {@code r} in raw file content. */
    static int label(byte[] file, int r) {
        return file[r * CifarLayout.RECORD_BYTES] & 0xFF;
    }

    static byte[] image(byte[] file, int r) {
        byte[] image = new byte[LabeledImages.IMAGE_BYTES];
        System.arraycopy(file, r * CifarLayout.RECORD_BYTES + 1, image, 0, image.length);
        return image;
    }

    static byte[] image(LabeledImages images, int i) {
        byte[] image = new byte[LabeledImages.IMAGE_BYTES];
        System.arraycopy(images.pixels(), images.offset(i), image, 0, image.length);
        return image;
    }
}
