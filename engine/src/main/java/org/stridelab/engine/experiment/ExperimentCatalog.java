package org.stridelab.engine.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.stridelab.engine.run.RunFolder;

/**
 * What a folder of experiments holds: single runs (config.json) and grids
 * (grid.json), one level deep, for pickers such as the app's Compare view.
 * Only looks at which files exist; nothing is parsed until an entry is opened
 * with {@link RunFolder#open(Path)} or {@link GridResults#load(Path)}.
 */
public final class ExperimentCatalog {
    private ExperimentCatalog() {
    }

    public enum Kind { RUN, GRID }

    /**
     * @param finished for a run: summary.json exists; for a grid: always false (load it to see its cells)
     */
    public record Entry(Kind kind, Path path, String name, boolean finished) {
    }

    /** The folder itself if it is a run or grid, else its sub-folders that are; sorted by name. */
    public static List<Entry> scan(Path folder) throws IOException {
        Entry self = entry(folder);
        if (self != null) {
            return List.of(self);
        }
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                Entry e = entry(child);
                if (e != null) {
                    entries.add(e);
                }
            }
        }
        return entries;
    }

    private static Entry entry(Path p) {
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        if (GridFolder.isGrid(p)) {
            return new Entry(Kind.GRID, p, name, false);
        }
        RunFolder run = new RunFolder(p);
        if (Files.isRegularFile(run.config())) {
            return new Entry(Kind.RUN, p, name, run.isFinished());
        }
        return null;
    }
}
