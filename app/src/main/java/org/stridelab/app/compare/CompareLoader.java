package org.stridelab.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.stridelab.app.export.RunHistory;
import org.stridelab.engine.experiment.ExperimentCatalog;
import org.stridelab.engine.experiment.GridResults;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;

/**
 * Reads run and grid folders for the Compare tab on a background thread
 * (a grid of long runs is megabytes of CSV) and hands each result to the FX
 * thread in one piece. One thread, so reads happen in the order they were
 * asked for: a refresh never overtakes the load it refreshes.
 */
final class CompareLoader {
    /**
     * A run folder read back: what it is and everything it logged.
     *
     * @param finished its summary existed when it was read: the files will not change any more
     */
    record LoadedRun(Path path, RunConfig config, RunHistory.Events events, boolean finished) {
    }

    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stridelab-compare-files");
        t.setDaemon(true);
        return t;
    });

    void scan(Path folder, Consumer<List<ExperimentCatalog.Entry>> done, Consumer<String> failed) {
        submit(() -> ExperimentCatalog.scan(folder), done, failed);
    }

    void grid(Path folder, Consumer<GridResults> done, Consumer<String> failed) {
        submit(() -> GridResults.load(folder), done, failed);
    }

    void run(Path folder, Consumer<LoadedRun> done, Consumer<String> failed) {
        submit(() -> {
            RunFolder run = RunFolder.open(folder);
            RunConfig config = run.readConfig();
            boolean finished = run.isFinished(); // before reading: a run finishing meanwhile is read again later
            return new LoadedRun(folder, config, RunHistory.read(run, config), finished);
        }, done, failed);
    }

    private <T> void submit(Callable<T> read, Consumer<T> done, Consumer<String> failed) {
        files.submit(() -> {
            try {
                T value = read.call();
                Platform.runLater(() -> done.accept(value));
            } catch (Exception | Error e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> failed.accept(why));
            }
        });
    }
}
