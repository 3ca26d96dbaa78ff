package org.stridelab.engine.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the command line's dataset spec into splits:
 * <ul>
 *   <li>{@code generated}: the default generated dataset, made on first use;</li>
 *   <li>{@code cifar10}: CIFAR-10 from the dataset cache (an unpacked
 *       {@code cifar-10-batches-bin/} folder, else the archive), downloaded first if
 *       allowed and absent;</li>
 *   <li>anything else: a path to a CIFAR-format folder or a .tar.gz archive.</li>
 * </ul>
 */
public final class DataSourceResolver {

    public static final String GENERATED = "generated";
    public static final String CIFAR10 = "cifar10";

    private DataSourceResolver() {
    }

    /**
     * Resolves against the dataset cache {@link DataHome#datasets()}; a download
     * comes from the mirror named by {@value CifarDownloader#MIRROR_PROPERTY} when
     * one is set, as for {@code stridelab download} and the window.
     */
    public static DatasetSplits resolve(String spec, DownloadProgress progress, boolean allowDownload) {
        return resolve(spec, progress, allowDownload, DataHome.datasets(), new CifarDownloader());
    }

    /**
     * @param datasets   the dataset cache folder
     * @param downloader used only for {@code cifar10} when the cache has no copy and download is allowed
     */
    public static DatasetSplits resolve(String spec, DownloadProgress progress, boolean allowDownload, Path datasets,
            CifarDownloader downloader) {
        return DatasetSplits.of(CifarBinaryReader.read(locate(spec, progress, allowDownload, datasets, downloader)));
    }

    /**
     * The spec as a run should store it: the named sources as they are, a path made
     * absolute, so that {@code --resume} and {@code evaluate} find the data from any
     * working folder.
     */
    public static String canonical(String spec) {
        if (spec == null || spec.isBlank()) {
            return spec;
        }
        String trimmed = spec.strip();
        String key = trimmed.toLowerCase(Locale.ROOT);
        if (key.equals(GENERATED) || key.equals(CIFAR10) || key.equals("cifar-10")) {
            return trimmed;
        }
        try {
            return Path.of(trimmed).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return trimmed; // resolving it reports the problem in full
        }
    }

    /** The folder or archive the spec stands for (downloading or generating it if needed). */
    public static Path locate(String spec, DownloadProgress progress, boolean allowDownload, Path datasets,
            CifarDownloader downloader) {
        if (spec == null || spec.isBlank()) {
            throw new DatasetException("No dataset given: use '" + CIFAR10 + "', '" + GENERATED
                    + "' or the path of a CIFAR-10 folder or archive.");
        }
        String trimmed = spec.strip();
        String key = trimmed.toLowerCase(Locale.ROOT);
        if (key.equals(GENERATED)) {
            return GeneratedDataset.ensure(datasets.resolve(DataHome.GENERATED_FOLDER_NAME),
                    GeneratedDataset.DEFAULT_TRAIN_COUNT, GeneratedDataset.DEFAULT_TEST_COUNT,
                    GeneratedDataset.DEFAULT_SEED);
        }
        if (key.equals(CIFAR10) || key.equals("cifar-10")) {
            return locateCifar(progress, allowDownload, datasets, downloader);
        }
        Path path;
        try {
            path = Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new DatasetException("'" + trimmed + "' is not a dataset: use '" + CIFAR10 + "', '" + GENERATED
                    + "' or the path of a CIFAR-10 folder or archive.", e);
        }
        if (!Files.exists(path)) {
            throw new DatasetException("'" + trimmed + "' is neither '" + CIFAR10 + "' nor '" + GENERATED
                    + "', and no such file or folder exists (" + path.toAbsolutePath() + ").");
        }
        return path;
    }

    private static Path locateCifar(DownloadProgress progress, boolean allowDownload, Path datasets,
            CifarDownloader downloader) {
        Path folder = datasets.resolve(CifarLayout.FOLDER_NAME);
        if (Files.isRegularFile(folder.resolve(CifarLayout.TRAIN_FILES.get(0)))) {
            return folder; // unpacked by the user: fastest to read
        }
        Path archive = datasets.resolve(CifarLayout.ARCHIVE_NAME);
        if (Files.isRegularFile(archive)) {
            VerifiedCifar.checkOnce(archive); // put there by hand, perhaps
            return archive;
        }
        if (!allowDownload) {
            throw new DatasetException("CIFAR-10 is not in " + datasets + ". Get it with the `download` command, or, "
                    + "on a machine without internet access, download " + CifarLayout.OFFICIAL_URI
                    + " elsewhere and put it at " + archive + ". Or use the '" + GENERATED
                    + "' dataset, which needs no download.");
        }
        return downloader.download(progress);
    }
}
