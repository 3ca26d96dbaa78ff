package org.stridelab.app.data;

import java.nio.file.Files;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.stridelab.engine.data.CifarDownloader;
import org.stridelab.engine.data.CifarLayout;
import org.stridelab.engine.data.DataHome;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.DownloadProgress;

/**
 * The app's way to the engine's datasets: asks whether CIFAR-10 must be
 * downloaded first (so the user can be asked), downloads it with progress and
 * cancellation, and resolves a data spec into splits. Loading is serialised:
 * the inspector and a run may both ask for the generated dataset at start-up,
 * and it should be generated once, not twice side by side.
 */
public final class Datasets {
    private static final Object LOCK = new Object();

    private Datasets() {
    }

    /** True when the spec is CIFAR-10 and neither its folder nor its archive is in the cache. */
    public static boolean needsDownload(String spec) {
        if (spec == null) {
            return false;
        }
        String key = spec.strip().toLowerCase(Locale.ROOT);
        if (!key.equals(DataSourceResolver.CIFAR10) && !key.equals("cifar-10")) {
            return false;
        }
        return !Files.isRegularFile(DataHome.cifarFolder().resolve(CifarLayout.TRAIN_FILES.get(0)))
                && !Files.isRegularFile(DataHome.cifarArchive());
    }

    /** Where a CIFAR-10 download comes from: the mirror named by the system property, else the official server. */
    public static String cifarSource() {
        return System.getProperty(CifarDownloader.MIRROR_PROPERTY, CifarLayout.OFFICIAL_URI.toString());
    }

    /**
     * Loads the splits, downloading CIFAR-10 first if needed. Runs on a
     * background thread; may take seconds (generating) or minutes (downloading).
     *
     * @param cancelled polled during a download; true stops it (the partial file is kept for resuming)
     */
    public static DatasetSplits load(String spec, DownloadProgress progress, BooleanSupplier cancelled) {
        synchronized (LOCK) {
            if (needsDownload(spec)) {
                // The no-argument downloader honours -Dstridelab.cifar10.url / .md5 (a lecture hall's mirror, tests).
                new CifarDownloader().download(progress, cancelled);
            }
            return DataSourceResolver.resolve(spec, DownloadProgress.NONE, false);
        }
    }
}
