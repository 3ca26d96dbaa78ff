package org.stridelab.engine.experiment;

import org.stridelab.engine.io.FileLocks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunConfigDifferences;
import org.stridelab.engine.run.RunFolder;

/**
 * The files a grid leaves on disk:
 *
 * <pre>
 *   grid.json                 the complete grid definition
 *   &lt;cell name&gt;/              one ordinary run folder per cell (see {@link RunFolder}), plus
 *       shift-consistency.json  the shift probe of its final weights
 *       failed.txt              why its last attempt failed (removed when it is retried)
 *   report.md, report.csv, runs.csv, *.png   written by {@code grid report}
 * </pre>
 *
 * Cell folders can be copied between grid folders of the same definition:
 * that is how shards run on several machines are merged.
 */
public record GridFolder(Path path) {
    public static final String DEFINITION = "grid.json";
    public static final String SHIFT_FILE = "shift-consistency.json";
    public static final String FAILURE_FILE = "failed.txt";

    public Path definition() {
        return path.resolve(DEFINITION);
    }

    public RunFolder cellFolder(GridCell cell) {
        return new RunFolder(path.resolve(cell.name()));
    }

    public Path shiftFile(GridCell cell) {
        return path.resolve(cell.name()).resolve(SHIFT_FILE);
    }

    public Path failureFile(GridCell cell) {
        return path.resolve(cell.name()).resolve(FAILURE_FILE);
    }

    /** True if the folder holds a grid.json. */
    public static boolean isGrid(Path path) {
        return Files.isRegularFile(path.resolve(DEFINITION));
    }

    /** Opens an existing grid folder. */
    public static GridFolder open(Path path) throws IOException {
        if (!isGrid(path)) {
            throw new IOException(path + " is not a grid folder: it has no " + DEFINITION
                    + (Files.isRegularFile(path.resolve("config.json")) ? " (it is a single run's folder)" : ""));
        }
        return new GridFolder(path);
    }

    /** The grid's definition (read leniently: the file may come from a newer version). */
    public GridSpec readSpec() throws IOException {
        return GridSpecJson.read(definition(), false);
    }

    public CellStatus status(GridCell cell) {
        RunFolder f = cellFolder(cell);
        if (f.isFinished()) {
            return CellStatus.FINISHED;
        }
        if (Files.isRegularFile(failureFile(cell))) {
            return CellStatus.FAILED;
        }
        return Files.isRegularFile(f.config()) ? CellStatus.RUNNING : CellStatus.NOT_STARTED;
    }

    /**
     * Creates the grid folder for a definition, or checks that an existing one
     * can continue under it. An existing grid.json that differs is replaced
     * only if no cell already on disk was trained with settings the new
     * definition contradicts (adding seeds or stride inits is fine; changing
     * the epochs of started cells is not: their results would mix protocols).
     */
    public static GridFolder prepare(Path path, GridSpec spec) throws IOException {
        spec.validated();
        if (Files.isRegularFile(path.resolve("config.json"))) {
            throw new IOException(path + " is a single run's folder; give the grid its own --out folder");
        }
        Files.createDirectories(path);
        // Shards starting together: one writes grid.json, the others then find it equal.
        try (FileLocks.Held lock = FileLocks.acquire(new GridFolder(path).definitionLock())) {
            return prepareLocked(path, spec);
        }
    }

    /** The lock taken while grid.json or the report is written. */
    public Path definitionLock() {
        return path.resolve(".grid.lock");
    }

    /** The lock a process holds while it trains a cell (the OS frees it when the process dies). */
    public Path cellLock(GridCell cell) {
        return path.resolve(".locks").resolve(cell.name() + ".lock");
    }

    private static GridFolder prepareLocked(Path path, GridSpec spec) throws IOException {
        GridFolder grid = new GridFolder(path);
        if (isGrid(path)) {
            GridSpec existing = grid.readSpec();
            if (existing.equals(spec)) {
                return grid;
            }
            for (GridCell cell : spec.cells()) {
                RunFolder f = grid.cellFolder(cell);
                if (Files.isRegularFile(f.config())) {
                    RunConfig onDisk = f.readConfig();
                    RunConfig wanted = spec.configFor(cell);
                    if (!onDisk.equals(wanted)) {
                        throw new IOException(path + " holds a different grid: cell " + cell.name()
                                + " was trained with " + RunConfigDifferences.between(onDisk, wanted) + ". Use another --out folder, "
                                + "or leave out --preset/--config and the grid flags to continue the grid as "
                                + grid.definition() + " defines it.");
                    }
                }
            }
        }
        GridSpecJson.write(grid.definition(), spec);
        return grid;
    }
}
