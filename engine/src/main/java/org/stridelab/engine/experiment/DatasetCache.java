package org.stridelab.engine.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.DownloadProgress;

/**
 * Resolves each dataset spec of a grid once: all cells of a grid usually
 * train on the same data, and reading CIFAR-10 for each of them would cost
 * seconds and 180 MB per cell.
 */
public final class DatasetCache implements Function<String, DatasetSplits> {
    private final Map<String, DatasetSplits> loaded = new HashMap<>();
    private final DownloadProgress progress;
    private final boolean allowDownload;

    public DatasetCache(DownloadProgress progress, boolean allowDownload) {
        this.progress = progress;
        this.allowDownload = allowDownload;
    }

    @Override
    public DatasetSplits apply(String spec) {
        return loaded.computeIfAbsent(spec, s -> DataSourceResolver.resolve(s, progress, allowDownload));
    }
}
