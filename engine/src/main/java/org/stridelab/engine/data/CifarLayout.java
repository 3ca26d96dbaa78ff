package org.stridelab.engine.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Names and sizes of the CIFAR-10 binary version, in one place, so the reader,
 * the downloader and the generated dataset agree on them.
 */
public final class CifarLayout {

    /** Where the dataset's authors publish the binary version. */
    public static final URI OFFICIAL_URI = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** Published MD5 of {@link #OFFICIAL_URI}. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** Size of the official archive in bytes (for messages only; the server's header is authoritative). */
    public static final long OFFICIAL_ARCHIVE_BYTES = 170_052_171L;

    public static final String ARCHIVE_NAME = "cifar-10-binary.tar.gz";
    /** The folder the official archive unpacks to. */
    public static final String FOLDER_NAME = "cifar-10-batches-bin";
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final String META_FILE = "batches.meta.txt";

    /** One label byte, then the image. */
    public static final int RECORD_BYTES = 1 + LabeledImages.IMAGE_BYTES;
    /** Every official .bin file holds exactly this many records (30,730,000 bytes). */
    public static final int RECORDS_PER_OFFICIAL_FILE = 10_000;
    public static final int CLASSES = 10;

    private CifarLayout() {
    }

    /** The five training files and the test file, in reading order. */
    public static List<String> batchFiles() {
        return List.of(TRAIN_FILES.get(0), TRAIN_FILES.get(1), TRAIN_FILES.get(2), TRAIN_FILES.get(3),
                TRAIN_FILES.get(4), TEST_FILE);
    }

    /** Every file name the reader takes from a folder or an archive; nothing else is ever read. */
    public static List<String> expectedFiles() {
        return List.of(TRAIN_FILES.get(0), TRAIN_FILES.get(1), TRAIN_FILES.get(2), TRAIN_FILES.get(3),
                TRAIN_FILES.get(4), TEST_FILE, META_FILE, DatasetManifest.FILE_NAME);
    }

    /** The sentence every "CIFAR-10 is not here" message ends with. */
    public static String howToGetIt() {
        Path archive = DataHome.cifarArchive();
        return "Get CIFAR-10 with the `download` command, or, on a machine without internet access, download "
                + OFFICIAL_URI + " elsewhere and put it at " + archive
                + " (or pass the folder that holds the unpacked " + FOLDER_NAME + "/ files).";
    }
}
