package org.stridelab.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version from a folder or straight from the official
 * {@code cifar-10-binary.tar.gz}.
 *
 * <p>Every file is checked before it is trusted: present, a whole number of
 * 3,073-byte records, exactly the expected record count (10,000 for official
 * files, or what {@code stridelab-dataset.properties} says for a generated
 * dataset), and every label 0-9. Files are read in one bulk call each and
 * copied record by record with {@code System.arraycopy}, so 60,000 images take
 * well under a second from a folder.
 */
public final class CifarBinaryReader {

    private CifarBinaryReader() {
    }

    /**
     * @param source a folder holding data_batch_1..5.bin, test_batch.bin and batches.meta.txt
     *               (directly or in a {@code cifar-10-batches-bin/} subfolder), or the .tar.gz archive
     * @throws DatasetException if anything is missing or corrupt; the message says what to do
     */
    public static CifarDataset read(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            Path folder = datasetFolder(absolute);
            return read(new FolderFiles(folder), VerifiedCifar.isVerified(folder));
        }
        if (!Files.exists(absolute)) {
            throw new DatasetException(absolute + " does not exist. " + CifarLayout.howToGetIt());
        }
        if (!ArchiveFiles.looksLikeArchive(absolute)) {
            throw new DatasetException(absolute + " is neither a folder nor a .tar.gz archive. Give the folder that "
                    + "holds the CIFAR-10 .bin files, or the " + CifarLayout.ARCHIVE_NAME + " archive itself.");
        }
        return read(ArchiveFiles.load(absolute), VerifiedCifar.isVerified(absolute));
    }

    /** The folder itself if it holds dataset files, else its cifar-10-batches-bin/ subfolder. */
    private static Path datasetFolder(Path folder) {
        for (String name : CifarLayout.expectedFiles()) {
            if (Files.exists(folder.resolve(name))) {
                return folder;
            }
        }
        Path nested = folder.resolve(CifarLayout.FOLDER_NAME);
        if (Files.isDirectory(nested)) {
            return nested;
        }
        throw new DatasetException(folder + " holds no CIFAR-10 files (data_batch_1.bin .. data_batch_5.bin, "
                + "test_batch.bin, batches.meta.txt), neither directly nor in a " + CifarLayout.FOLDER_NAME
                + "/ subfolder. " + CifarLayout.howToGetIt());
    }

    /**
     * @param verified whether the files are the verified CIFAR-10 ({@link VerifiedCifar}); if not, and no
     *                 manifest names them, they are described as "CIFAR-10 binary layout"
     */
    static CifarDataset read(DatasetFiles files, boolean verified) {
        try {
            DatasetManifest manifest = files.size(DatasetManifest.FILE_NAME) >= 0
                    ? DatasetManifest.parse(files.read(DatasetManifest.FILE_NAME),
                            files.where() + " " + DatasetManifest.FILE_NAME)
                    : null;
            // Check every file's presence and size before reading any: a truncated
            // download fails in milliseconds, not after reading 150 MB.
            List<String> batchFiles = CifarLayout.batchFiles();
            for (String name : batchFiles) {
                if (files.size(name) < 0) {
                    throw new DatasetException(name + " is missing from " + files.where() + ". "
                            + (manifest != null ? remedy(manifest) : CifarLayout.howToGetIt()));
                }
            }
            int[] counts = new int[batchFiles.size()];
            for (int f = 0; f < counts.length; f++) {
                counts[f] = checkedRecordCount(files, batchFiles.get(f), manifest);
            }
            List<String> classNames = readClassNames(files, manifest);
            LabeledImages train = readRecords(files, CifarLayout.TRAIN_FILES, counts, 0, classNames, manifest);
            LabeledImages test = readRecords(files, List.of(CifarLayout.TEST_FILE), counts,
                    CifarLayout.TRAIN_FILES.size(), classNames, manifest);
            // A manifest may name the data (the generated set does); else only a checked MD5 makes it CIFAR-10.
            String what = manifest != null && manifest.description() != null ? manifest.description()
                    : verified ? "CIFAR-10" : "CIFAR-10 binary layout";
            return new CifarDataset(train, test, classNames, what + " from " + files.where());
        } catch (IOException e) {
            throw new DatasetException("Cannot read the dataset in " + files.where() + ": " + e
                    + ". Check that the files are readable.", e);
        }
    }

    /** The number of records the file holds, after checking it is exactly what it should be. */
    private static int checkedRecordCount(DatasetFiles files, String name, DatasetManifest manifest) throws IOException {
        long bytes = files.size(name);
        int expected = manifest == null ? CifarLayout.RECORDS_PER_OFFICIAL_FILE : manifest.expectedRecords(name);
        if (expected < 0) {
            throw new DatasetException(DatasetManifest.FILE_NAME + " in " + files.where() + " gives no record count for "
                    + name + ". " + remedy(manifest));
        }
        if (bytes % CifarLayout.RECORD_BYTES != 0) {
            throw new DatasetException(String.format(
                    "%s in %s is truncated or not a CIFAR-10 file: its %,d bytes are not a whole number of %,d-byte "
                            + "records (expected %,d records = %,d bytes). %s",
                    name, files.where(), bytes, CifarLayout.RECORD_BYTES, expected,
                    (long) expected * CifarLayout.RECORD_BYTES, remedy(manifest)));
        }
        long records = bytes / CifarLayout.RECORD_BYTES;
        if (records < expected) {
            throw new DatasetException(String.format(
                    "%s in %s is truncated: it holds %,d records, but should hold %,d (%,d bytes). %s",
                    name, files.where(), records, expected, (long) expected * CifarLayout.RECORD_BYTES,
                    remedy(manifest)));
        }
        if (records > expected) {
            throw new DatasetException(String.format(
                    "%s in %s holds %,d records, more than the %,d it should: it is not a CIFAR-10 batch file. %s",
                    name, files.where(), records, expected, remedy(manifest)));
        }
        return expected;
    }

    private static List<String> readClassNames(DatasetFiles files, DatasetManifest manifest) throws IOException {
        if (files.size(CifarLayout.META_FILE) < 0) {
            throw new DatasetException(CifarLayout.META_FILE + " (the class names) is missing from " + files.where()
                    + ". " + remedy(manifest));
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(files.read(CifarLayout.META_FILE), StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != CifarLayout.CLASSES) {
            throw new DatasetException(CifarLayout.META_FILE + " in " + files.where() + " lists " + names.size()
                    + " class names; CIFAR-10 has " + CifarLayout.CLASSES + ", one per line. " + remedy(manifest));
        }
        return names;
    }

    /** Reads the given files (whose counts start at counts[firstCount]) into one LabeledImages. */
    private static LabeledImages readRecords(DatasetFiles files, List<String> names, int[] counts, int firstCount,
            List<String> classNames, DatasetManifest manifest) throws IOException {
        long total = 0;
        for (int f = 0; f < names.size(); f++) {
            total += counts[firstCount + f];
        }
        if (total * LabeledImages.IMAGE_BYTES > Integer.MAX_VALUE - 16) {
            throw new DatasetException(files.where() + " holds " + total + " images, more than fit in one array.");
        }
        byte[] pixels = new byte[(int) total * LabeledImages.IMAGE_BYTES];
        byte[] labels = new byte[(int) total];
        int at = 0;
        for (int f = 0; f < names.size(); f++) {
            String name = names.get(f);
            int records = counts[firstCount + f];
            byte[] data = files.read(name);
            if (data.length != (long) records * CifarLayout.RECORD_BYTES) {
                throw new DatasetException(name + " in " + files.where() + " changed size while it was being read. "
                        + "Is a download or copy still running? Try again when it has finished.");
            }
            splitRecords(data, records, name, files.where(), pixels, labels, at, manifest);
            at += records;
        }
        return new LabeledImages(pixels, labels, classNames);
    }

    /** Copies label bytes and images out of raw records, checking each label. */
    private static void splitRecords(byte[] data, int records, String name, String where, byte[] pixels,
            byte[] labels, int firstImage, DatasetManifest manifest) {
        for (int r = 0; r < records; r++) {
            int src = r * CifarLayout.RECORD_BYTES;
            int label = data[src] & 0xFF;
            if (label >= CifarLayout.CLASSES) {
                throw new DatasetException("record " + r + " of " + name + " has label " + label
                        + "; CIFAR-10 labels are 0-9: the file is corrupt or not CIFAR-10 (in " + where + "). "
                        + remedy(manifest));
            }
            labels[firstImage + r] = (byte) label;
            System.arraycopy(data, src + 1, pixels, (firstImage + r) * LabeledImages.IMAGE_BYTES,
                    LabeledImages.IMAGE_BYTES);
        }
    }

    /** What the user should do about a broken dataset, depending on where it came from. */
    private static String remedy(DatasetManifest manifest) {
        if (manifest != null) {
            return "This is a generated dataset: delete its folder and StrideLab will generate it again.";
        }
        return "Replace the CIFAR-10 files: delete the damaged copy and get a fresh one. " + CifarLayout.howToGetIt();
    }
}
