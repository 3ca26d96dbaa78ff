package org.stridelab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.experiment.CellStatus;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.experiment.GridResults;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.run.RunFolder;

/**
 * Several processes on one grid folder, as a cluster's array starts them: two
 * shards together, plus a third command given one of the first shard's cells,
 * all on a dataset cache none of them has prepared. grid.json, the dataset and
 * every cell must come out whole, each cell trained by exactly one process.
 */
class ConcurrentGridWritersTest {
    @AfterEach
    void reap() {
        ChildCli.killLeftovers();
    }

    @Test
    void shardsAndARepeatedCellStartingTogetherLeaveEveryFileWhole(@TempDir Path dir) throws Exception {
        Path grid = dir.resolve("grid");
        GridCell first = new GridCell(DownsamplingMethod.STRIDED, new double[] {2, 2, 2}, 32, 0.0, 0, 1L);
        String[] common = {"grid", "run", "--methods", "strided", "--strides", "2,2,2", "--strides", "3,2,3",
            "--width", "0.125", "--epochs", "1", "--train-limit", "64", "--batch", "32", "--data", "generated",
            "--probe-max-shift", "0", "--no-report", "--out", grid.toString()};
        ChildCli a = ChildCli.start(dir, "shard1", List.of(), with(common, "--shard", "1/2"));
        ChildCli b = ChildCli.start(dir, "shard2", List.of(), with(common, "--shard", "2/2"));
        ChildCli c = ChildCli.start(dir, "cell", List.of(), with(common, "--cell", first.name()));
        for (ChildCli child : List.of(a, b, c)) {
            child.finish(Duration.ofMinutes(4));
        }
        String all = a.output() + b.output() + c.output();
        assertTrue(all.contains("being trained by another process") || all.contains("finished earlier"),
                "the repeated cell was left to the process that had it:\n" + all);

        GridResults results = GridResults.load(grid);
        assertEquals(2, results.count(CellStatus.FINISHED), "grid.json read back, both cells finished");
        for (GridCell cell : results.spec().cells()) {
            RunFolder folder = new GridFolder(grid).cellFolder(cell);
            List<String> steps = Files.readAllLines(folder.metrics());
            assertEquals(List.of("step", "1", "2"), steps.stream().map(l -> l.split(",")[0]).toList(),
                    cell.name() + ": trained once, by one process (64 images, batch 32)");
        }
    }

    private static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
