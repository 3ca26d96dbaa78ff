package org.stridelab.app.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import org.stridelab.engine.experiment.CellResult;
import org.stridelab.engine.experiment.ExperimentCatalog;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridResults;

/**
 * The Compare tab's tree: one line per listed folder (the runs folder first),
 * under it its runs and grids as the background scan found them, under an
 * opened grid its cells. Lines are kept by path, so a rescan keeps ticks and
 * expansion. Ticking a run or cell, reading a grid and every change the user
 * should see are reported to the {@link Listener}; the tree reads no run files itself.
 */
final class ExperimentTree {

    /** What the controller does when the tree changes. */
    interface Listener {
        /** A run or cell was ticked: draw its curves. */
        void ticked(ExperimentItem item);

        /** A run or cell was unticked or disappeared: its curves go. */
        void gone(Path path);

        /** A grid was read (again). */
        void gridRead(Path grid, GridResults results);

        /** A grid could not be read. */
        void gridFailed(Path grid, String why);

        /** The tree's contents changed (the status line counts them). */
        void changed();
    }

    private final TreeItem<ExperimentItem> root;
    private final CompareLoader loader;
    private final Listener listener;
    /** Folder lines by path; the runs folder's is first. */
    private final Map<Path, TreeItem<ExperimentItem>> folders = new LinkedHashMap<>();
    /** Run, grid and cell lines by path, so that a refresh keeps their ticks and expansion. */
    private final Map<Path, TreeItem<ExperimentItem>> items = new HashMap<>();
    private final Map<Path, GridResults> grids = new HashMap<>();
    private Path runsFolder;
    private int reading;

    ExperimentTree(TreeItem<ExperimentItem> root, CompareLoader loader, Listener listener) {
        this.root = root;
        this.loader = loader;
        this.listener = listener;
    }

    Path runsFolder() {
        return runsFolder;
    }

    TreeItem<ExperimentItem> line(Path path) {
        return items.get(path);
    }

    GridResults grid(Path path) {
        return grids.get(path);
    }

    long count(ExperimentItem.Kind kind) {
        return items.values().stream().filter(i -> i.getValue().kind() == kind).count();
    }

    int folderCount() {
        return folders.size();
    }

    /** True when no folder or grid read is outstanding. */
    boolean idle() {
        return reading == 0;
    }

    /** Lists a folder (if new) and scans it; {@code then} gets what the scan found. */
    void addFolder(Path p, Consumer<List<ExperimentCatalog.Entry>> then) {
        TreeItem<ExperimentItem> node = folders.get(p);
        if (node == null) {
            node = folderLine(p, p.toString());
            folders.put(p, node);
            root.getChildren().add(node);
        }
        scan(node, then);
    }

    /** Lists the runs folder first, in place of the one before. */
    void followRunsFolder(Path p) {
        if (p.equals(runsFolder)) {
            return;
        }
        if (runsFolder != null) {
            TreeItem<ExperimentItem> old = folders.remove(runsFolder);
            if (old != null) {
                forgetChildren(old);
                root.getChildren().remove(old);
            }
        }
        runsFolder = p;
        TreeItem<ExperimentItem> node = folders.get(p);
        if (node != null) { // already added by hand: just move it first
            root.getChildren().remove(node);
        } else {
            node = folderLine(p, "runs folder \u2014 " + p);
        }
        Map<Path, TreeItem<ExperimentItem>> reordered = new LinkedHashMap<>();
        reordered.put(p, node);
        folders.forEach(reordered::putIfAbsent);
        folders.clear();
        folders.putAll(reordered);
        root.getChildren().add(0, node);
        scan(node, entries -> { });
    }

    /** Scans every listed folder and reads every opened grid again. */
    void rescan() {
        for (TreeItem<ExperimentItem> folder : folders.values()) {
            scan(folder, entries -> { });
        }
        for (Path grid : new ArrayList<>(grids.keySet())) {
            TreeItem<ExperimentItem> node = items.get(grid);
            if (node != null) {
                loadGrid(node, () -> { });
            }
        }
    }

    private TreeItem<ExperimentItem> folderLine(Path p, String text) {
        TreeItem<ExperimentItem> node = new TreeItem<>(ExperimentItem.folder(p, text));
        node.getChildren().add(new TreeItem<>(ExperimentItem.note("reading\u2026")));
        node.setExpanded(true);
        return node;
    }

    private void scan(TreeItem<ExperimentItem> folder, Consumer<List<ExperimentCatalog.Entry>> then) {
        reading++;
        loader.scan(folder.getValue().path(), entries -> {
            reading--;
            fill(folder, entries);
            then.accept(entries);
        }, why -> {
            reading--;
            forgetChildren(folder);
            folder.getChildren().setAll(List.of(new TreeItem<>(ExperimentItem.note("cannot read: " + why))));
            listener.changed();
        });
    }

    private void fill(TreeItem<ExperimentItem> folder, List<ExperimentCatalog.Entry> entries) {
        List<TreeItem<ExperimentItem>> lines = new ArrayList<>();
        int elsewhere = 0;
        for (ExperimentCatalog.Entry e : entries) {
            TreeItem<ExperimentItem> line = items.get(e.path());
            if (line != null && line.getParent() != null && line.getParent() != folder) {
                elsewhere++; // listed under another folder already: one line per run keeps ticks unambiguous
                continue;
            }
            ExperimentItem.Kind kind = e.kind() == ExperimentCatalog.Kind.GRID ? ExperimentItem.Kind.GRID
                    : ExperimentItem.Kind.RUN;
            if (line == null || line.getValue().kind() != kind) {
                line = kind == ExperimentItem.Kind.GRID ? gridLine(e) : runLine(ExperimentItem.run(e.path(), runText(e)));
            } else if (kind == ExperimentItem.Kind.RUN) {
                line.getValue().setText(runText(e));
            }
            lines.add(line);
        }
        for (TreeItem<ExperimentItem> old : folder.getChildren()) {
            if (!lines.contains(old)) {
                forget(old);
            }
        }
        if (elsewhere > 0) {
            lines.add(new TreeItem<>(ExperimentItem.note(lines.isEmpty() && elsewhere == 1
                    ? "listed above, under another folder"
                    : elsewhere + (lines.isEmpty() ? "" : " more") + " listed above, under another folder")));
        } else if (lines.isEmpty()) {
            lines.add(new TreeItem<>(ExperimentItem.note("no runs or grids here yet")));
        }
        folder.getChildren().setAll(lines);
        listener.changed();
    }

    private static String runText(ExperimentCatalog.Entry e) {
        return e.name() + (e.finished() ? "" : "  (unfinished)");
    }

    private TreeItem<ExperimentItem> runLine(ExperimentItem item) {
        TreeItem<ExperimentItem> line = new TreeItem<>(item);
        items.put(item.path(), line);
        item.checkedProperty().addListener((o, a, b) -> {
            if (b) {
                listener.ticked(item);
            } else {
                listener.gone(item.path());
            }
        });
        return line;
    }

    private TreeItem<ExperimentItem> gridLine(ExperimentCatalog.Entry e) {
        ExperimentItem item = ExperimentItem.grid(e.path(), e.name() + "  (grid)");
        TreeItem<ExperimentItem> line = new TreeItem<>(item);
        line.getChildren().add(new TreeItem<>(ExperimentItem.note("reading the grid\u2026")));
        items.put(e.path(), line);
        line.expandedProperty().addListener((o, a, b) -> {
            if (b && !grids.containsKey(item.path())) {
                loadGrid(line, () -> { });
            }
        });
        item.checkedProperty().addListener((o, a, b) -> {
            if (grids.containsKey(item.path())) {
                tickCells(line, b);
            } else if (b) {
                loadGrid(line, () -> tickCells(line, item.checkedProperty().get()));
            }
        });
        return line;
    }

    /** Reads a grid's cells (again) into its line. */
    void loadGrid(TreeItem<ExperimentItem> line, Runnable then) {
        Path path = line.getValue().path();
        reading++;
        loader.grid(path, results -> {
            reading--;
            grids.put(path, results);
            fillCells(line, results);
            listener.gridRead(path, results);
            then.run();
        }, why -> {
            reading--;
            forgetChildren(line);
            line.getChildren().setAll(List.of(new TreeItem<>(ExperimentItem.note("cannot read: " + why))));
            listener.gridFailed(path, why);
        });
    }

    private void fillCells(TreeItem<ExperimentItem> grid, GridResults results) {
        boolean ticked = grid.getValue().checkedProperty().get();
        List<TreeItem<ExperimentItem>> lines = new ArrayList<>();
        boolean variants = results.spec().variants().size() > 1;
        for (CellResult c : results.cells()) {
            boolean available = c.status() != org.stridelab.engine.experiment.CellStatus.NOT_STARTED;
            // shorter than the folder name, which the narrow tree would cut before the result
            String text = c.cell().method().cliName() + " " + GridCell.strideLabel(c.cell().strides()) + " seed "
                    + c.cell().seed() + (variants ? " " + c.cell().variant().key() : "") + "  \u00b7  " + cellState(c);
            TreeItem<ExperimentItem> line = items.get(c.folder());
            if (line == null || line.getValue().checkable() != available) {
                if (line != null) {
                    forget(line);
                }
                line = runLine(ExperimentItem.cell(c.folder(), text, available));
                if (ticked && available) {
                    line.getValue().checkedProperty().set(true); // a ticked grid's new cells join the charts
                }
            } else {
                line.getValue().setText(text);
            }
            lines.add(line);
        }
        for (TreeItem<ExperimentItem> old : grid.getChildren()) {
            if (!lines.contains(old)) {
                forget(old);
            }
        }
        grid.getChildren().setAll(lines);
    }

    private static String cellState(CellResult c) {
        return switch (c.status()) {
            case FINISHED -> String.format(Locale.ROOT, "%.1f %%", 100 * c.testAccuracy());
            case RUNNING -> "running, " + c.epochsLogged() + (c.epochsLogged() == 1 ? " epoch" : " epochs");
            case FAILED -> "failed";
            case NOT_STARTED -> "not started";
        };
    }

    private void tickCells(TreeItem<ExperimentItem> grid, boolean ticked) {
        for (TreeItem<ExperimentItem> cell : grid.getChildren()) {
            if (cell.getValue().checkable()) {
                cell.getValue().checkedProperty().set(ticked);
            }
        }
    }

    /** Ticks what a scan found, wherever it is listed; returns the first grid's line, or null. */
    TreeItem<ExperimentItem> tickAll(List<ExperimentCatalog.Entry> entries) {
        TreeItem<ExperimentItem> firstGrid = null;
        for (ExperimentCatalog.Entry e : entries) {
            TreeItem<ExperimentItem> line = items.get(e.path());
            if (line == null) {
                continue;
            }
            ExperimentItem item = line.getValue();
            if (item.checkable()) {
                item.checkedProperty().set(true);
            }
            if (firstGrid == null && item.kind() == ExperimentItem.Kind.GRID) {
                firstGrid = line;
            }
        }
        return firstGrid;
    }

    /** Drops a line that disappeared from its folder: its curves go, its children too. */
    private void forget(TreeItem<ExperimentItem> line) {
        ExperimentItem item = line.getValue();
        if (item.path() != null && items.get(item.path()) == line) {
            items.remove(item.path());
            grids.remove(item.path());
        }
        item.checkedProperty().set(false);
        if (item.path() != null) {
            listener.gone(item.path());
        }
        forgetChildren(line);
    }

    private void forgetChildren(TreeItem<ExperimentItem> line) {
        for (TreeItem<ExperimentItem> child : new ArrayList<>(line.getChildren())) {
            forget(child);
        }
    }

    /** The grid a line belongs to: itself, or the grid of a cell. */
    static Path gridOf(TreeItem<ExperimentItem> line) {
        if (line == null) {
            return null;
        }
        ExperimentItem item = line.getValue();
        if (item.kind() == ExperimentItem.Kind.GRID) {
            return item.path();
        }
        if (item.kind() == ExperimentItem.Kind.CELL && line.getParent() != null) {
            return line.getParent().getValue().path();
        }
        return null;
    }
}
