package org.stridelab.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid as its folder holds it now: the definition and every cell's result,
 * in run order. Works on a grid still running, on one stopped half-way, and
 * on cell folders merged from several machines.
 */
public record GridResults(GridFolder folder, GridSpec spec, List<CellResult> cells) {

    public GridResults {
        cells = List.copyOf(cells);
    }

    public static GridResults load(Path gridFolder) throws IOException {
        GridFolder grid = GridFolder.open(gridFolder);
        GridSpec spec = grid.readSpec();
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new IOException(grid.definition() + " is not a valid grid: " + String.join("; ", problems));
        }
        return new GridResults(grid, spec, spec.cells().stream().map(c -> CellResult.read(grid, c)).toList());
    }

    public long count(CellStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    /** The comparison table(s): stride inits x methods, one per batch/mixup/PHC variant. */
    public GridTable table() {
        return GridTable.of(spec, cells);
    }
}
