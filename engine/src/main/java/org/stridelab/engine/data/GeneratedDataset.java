package org.stridelab.engine.data;

import org.stridelab.engine.io.FileLocks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A deterministic synthetic dataset in the CIFAR-10 binary format, for machines
 * without the real one (CI, offline laptops) and for quick experiments.
 *
 * <p>It is written as data_batch_1..5.bin, test_batch.bin, batches.meta.txt and
 * {@code stridelab-dataset.properties} (the record counts), so it goes through
 * exactly the same reader, splits and loader as CIFAR-10. Ten classes of
 * patterns (see {@link PatternPainter}) in random colours with noise: easy
 * enough that a small ResNet learns them in a few epochs, varied enough that it
 * has to learn shapes rather than colours.
 *
 * <p>The same (counts, seed) always gives the same bytes: each image is drawn
 * from its own generator seeded by (seed, part, index), labels are a seeded
 * shuffle of a balanced list.
 */
public final class GeneratedDataset {

    public static final List<String> CLASS_NAMES = List.of(
            "horizontal", "vertical", "diagonal", "checkerboard", "blobs",
            "rings", "dots", "spokes", "ramp", "clouds");
    public static final int DEFAULT_TRAIN_COUNT = 10_000;
    public static final int DEFAULT_TEST_COUNT = 2_000;
    public static final long DEFAULT_SEED = 1L;
    /** Written into the manifest; a folder from another generator version is regenerated. */
    static final String GENERATOR = "stridelab-patterns-v1";

    private static final int TRAIN_PART = 1;
    private static final int TEST_PART = 2;

    private GeneratedDataset() {
    }

    /** The default generated dataset in {@link DataHome#generatedFolder()}, generating it on first use. */
    public static Path ensureDefault() {
        return ensure(DataHome.generatedFolder(), DEFAULT_TRAIN_COUNT, DEFAULT_TEST_COUNT, DEFAULT_SEED);
    }

    /**
     * Makes sure {@code folder} holds the dataset for these counts and seed, and returns it.
     * Does nothing if it already does; otherwise writes a new one into a temporary sibling
     * folder and moves it into place, so a crash never leaves a half-written dataset.
     *
     * @param trainCount training images (at least 5: they are spread over five files)
     * @param testCount  test images (at least 2: they are halved into validation and test)
     * @throws DatasetException if the folder holds something else or cannot be written
     */
    public static Path ensure(Path folder, int trainCount, int testCount, long seed) {
        if (trainCount < CifarLayout.TRAIN_FILES.size() || testCount < 2) {
            throw new IllegalArgumentException("a generated dataset needs at least " + CifarLayout.TRAIN_FILES.size()
                    + " training and 2 test images, got " + trainCount + " and " + testCount);
        }
        Path target = folder.toAbsolutePath().normalize();
        if (isComplete(target, trainCount, testCount, seed)) {
            return target;
        }
        // Many processes may start on one cache (the tasks of a cluster job): one writes, the others wait
        // and then find it complete. Without the lock a late writer could delete a finished dataset that
        // another process is reading.
        try (FileLocks.Held lock = FileLocks.acquire(target.resolveSibling("." + target.getFileName() + ".lock"))) {
            return ensureLocked(target, trainCount, testCount, seed);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static Path ensureLocked(Path target, int trainCount, int testCount, long seed) {
        if (isComplete(target, trainCount, testCount, seed)) {
            return target; // written by another process while this one waited
        }
        checkReplaceable(target);
        Path parent = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            write(temp, trainCount, testCount, seed);
            if (Files.exists(target)) {
                deleteRecursively(target); // an older or incomplete generated dataset (checked above)
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            temp = null;
            return target;
        } catch (FileSystemException e) {
            // Another process may have put the same dataset there meanwhile.
            if (isComplete(target, trainCount, testCount, seed)) {
                return target;
            }
            throw cannotWrite(target, e);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            if (temp != null) {
                try {
                    deleteRecursively(temp);
                } catch (IOException ignored) {
                    // A left-over hidden temp folder is harmless.
                }
            }
        }
    }

    /** The generated images of one part in memory (for tests and previews); part 1 = train, 2 = test. */
    static LabeledImages generate(int count, long seed, int part) {
        byte[] pixels = new byte[count * LabeledImages.IMAGE_BYTES];
        byte[] labels = labels(count, seed, part);
        float[] scratch = new float[LabeledImages.PLANE];
        for (int i = 0; i < count; i++) {
            PatternImages.render(labels[i], Seeds.mix(seed, part, i), scratch, pixels, i * LabeledImages.IMAGE_BYTES);
        }
        return new LabeledImages(pixels, labels, CLASS_NAMES);
    }

    /** True if the folder holds a complete dataset from this generator with these counts and seed. */
    static boolean isComplete(Path folder, int trainCount, int testCount, long seed) {
        try {
            DatasetManifest manifest = DatasetManifest.readIfPresent(folder);
            if (manifest == null || !manifest.equals(manifest(trainCount, testCount, seed))
                    || !Files.isRegularFile(folder.resolve(CifarLayout.META_FILE))) {
                return false;
            }
            for (String name : CifarLayout.batchFiles()) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)
                        || Files.size(file) != (long) manifest.expectedRecords(name) * CifarLayout.RECORD_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException | DatasetException e) {
            return false; // unreadable: regenerate
        }
    }

    /** Refuses to replace a folder that is not ours: it might hold the user's files. */
    private static void checkReplaceable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new DatasetException(target + " exists and is not a folder, so the generated dataset cannot be "
                    + "written there. Move it away or choose another folder.");
        }
        if (Files.isRegularFile(target.resolve(DatasetManifest.FILE_NAME))) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new DatasetException(target + " already holds files that are not a generated dataset; StrideLab "
                        + "will not overwrite them. Empty that folder or choose another one.");
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static void write(Path folder, int trainCount, int testCount, long seed) throws IOException {
        DatasetManifest manifest = manifest(trainCount, testCount, seed);
        byte[] trainLabels = labels(trainCount, seed, TRAIN_PART);
        float[] scratch = new float[LabeledImages.PLANE];
        int first = 0;
        for (String name : CifarLayout.TRAIN_FILES) {
            int records = manifest.expectedRecords(name);
            writeBatchFile(folder.resolve(name), trainLabels, first, records, seed, TRAIN_PART, scratch);
            first += records;
        }
        writeBatchFile(folder.resolve(CifarLayout.TEST_FILE), labels(testCount, seed, TEST_PART), 0, testCount, seed,
                TEST_PART, scratch);
        Files.writeString(folder.resolve(CifarLayout.META_FILE), String.join("\n", CLASS_NAMES) + "\n",
                StandardCharsets.UTF_8);
        manifest.write(folder); // last: its presence marks the folder as ours
    }

    /** Images first..first+records-1 of a part, as CIFAR records. */
    private static void writeBatchFile(Path file, byte[] labels, int first, int records, long seed, int part,
            float[] scratch) throws IOException {
        byte[] data = new byte[records * CifarLayout.RECORD_BYTES];
        for (int r = 0; r < records; r++) {
            int i = first + r;
            int at = r * CifarLayout.RECORD_BYTES;
            data[at] = labels[i];
            PatternImages.render(labels[i], Seeds.mix(seed, part, i), scratch, data, at + 1);
        }
        Files.write(file, data);
    }

    /** A seeded shuffle of 0,1,..,9,0,1,..: every class gets count/10 images (+1 for the first count%10). */
    private static byte[] labels(int count, long seed, int part) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % PatternPainter.CLASSES);
        }
        SplitMix rng = new SplitMix(Seeds.mix(seed, part, -1));
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            byte t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    /** What the folder for these parameters must say about itself. */
    private static DatasetManifest manifest(int trainCount, int testCount, long seed) {
        Map<String, Integer> records = new LinkedHashMap<>();
        int files = CifarLayout.TRAIN_FILES.size();
        for (int f = 0; f < files; f++) {
            // Spread the remainder over the first files, so any count works.
            records.put(CifarLayout.TRAIN_FILES.get(f), trainCount / files + (f < trainCount % files ? 1 : 0));
        }
        records.put(CifarLayout.TEST_FILE, testCount);
        Map<String, String> attributes = Map.of(
                "generator", GENERATOR,
                "seed", Long.toString(seed),
                "train.count", Integer.toString(trainCount),
                "test.count", Integer.toString(testCount));
        return new DatasetManifest("generated pattern dataset (seed " + seed + ")", records, attributes);
    }

    private static DatasetException cannotWrite(Path target, IOException e) {
        return new DatasetException("Cannot write the generated dataset to " + target + " (" + e + "). Check that "
                + "the folder is writable and the disk has about 40 MB free, or set -D" + DataHome.HOME_PROPERTY
                + "=<another folder>.", e);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
