package org.stridelab.app.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TreeItem;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.stridelab.engine.experiment.CellResult;
import org.stridelab.engine.experiment.CellStatus;
import org.stridelab.engine.experiment.ExperimentCatalog;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridResults;
import org.stridelab.engine.train.RunConfig;

/**
 * The Compare tab's logic: which folders are listed (the runs folder first,
 * then those the user added or dropped), what each holds (runs and grids,
 * scanned in the background), which runs are ticked (their curves are read
 * and overlaid), which grid's table is shown, and Refresh, which reads all of
 * it again so that a grid running from the command line fills up on screen.
 */
public final class CompareController {
    private static final Duration AUTO_REFRESH = Duration.seconds(10);

    private final ComparePane pane;
    private final CompareLoader loader = new CompareLoader();
    private final CompareCurves curves;
    private final Supplier<Window> owner;
    private final TreeItem<ExperimentItem> root;
    /** Folder lines by path; the runs folder's is first. */
    private final Map<Path, TreeItem<ExperimentItem>> folders = new LinkedHashMap<>();
    /** Run, grid and cell lines by path, so that a refresh keeps their ticks and expansion. */
    private final Map<Path, TreeItem<ExperimentItem>> items = new HashMap<>();
    private final Map<Path, GridResults> grids = new HashMap<>();
    private Path runsFolder;
    private int reading;

    /**
     * @param runsFolder where the lab's new runs go (listed first, followed when it changes)
     * @param visible    whether the tab is shown (auto-refresh only reads folders someone looks at)
     */
    public CompareController(ComparePane pane, ObjectProperty<Path> runsFolder, Supplier<Window> owner,
                             BooleanSupplier visible) {
        this.pane = pane;
        this.owner = owner;
        this.root = pane.tree.getRoot();
        this.curves = new CompareCurves(pane.loss, pane.accuracy, pane.strides, pane.strideLayer);
        pane.addFolder.setOnAction(e -> chooseFolder());
        pane.refresh.setOnAction(e -> refresh());
        pane.tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected(b));
        pane.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume(); // folders dropped here are compared, not opened as the run to continue
            }
        });
        pane.setOnDragDropped(e -> {
            boolean any = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    if (f.isDirectory()) {
                        addFolder(f.toPath());
                        any = true;
                    }
                }
            }
            if (any) { // else (a picture) the window's own handler takes the drop
                e.setDropCompleted(true);
                e.consume();
            }
        });
        Timeline auto = new Timeline(new KeyFrame(AUTO_REFRESH, e -> {
            if (pane.autoRefresh.isSelected() && visible.getAsBoolean() && reading == 0) {
                refresh();
            }
        }));
        auto.setCycleCount(Animation.INDEFINITE);
        auto.play();
        runsFolder.addListener((o, a, b) -> followRunsFolder(b));
        followRunsFolder(runsFolder.get());
    }

    // ------------------------------------------------------------ folders

    /** Lists a folder of runs or grids (or a single run or grid folder) under the ones already listed. */
    public void addFolder(Path folder) {
        addFolder(folder, false);
    }

    /** As {@link #addFolder(Path)}, then ticks everything in it and shows its first grid (demos, --compare). */
    public void addFolderAndTick(Path folder) {
        addFolder(folder, true);
    }

    private void addFolder(Path folder, boolean tickAll) {
        Path p = folder.toAbsolutePath().normalize();
        TreeItem<ExperimentItem> node = folders.get(p);
        if (node == null) {
            node = folderLine(p, p.toString());
            folders.put(p, node);
            root.getChildren().add(node);
        }
        scan(node, tickAll ? this::tickAll : entries -> { });
    }

    private void followRunsFolder(Path folder) {
        if (folder == null) {
            return;
        }
        Path p = folder.toAbsolutePath().normalize();
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

    private TreeItem<ExperimentItem> folderLine(Path p, String text) {
        TreeItem<ExperimentItem> node = new TreeItem<>(ExperimentItem.folder(p, text));
        node.getChildren().add(new TreeItem<>(ExperimentItem.note("reading\u2026")));
        node.setExpanded(true);
        return node;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of runs or grids");
        if (runsFolder != null && runsFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(runsFolder.toFile());
        }
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            addFolder(dir.toPath());
        }
    }

    /**
     * Reads every listed folder, every opened grid and every ticked run that had not finished again (a finished
     * run's files do not change, and a long run's metrics are megabytes).
     */
    public void refresh() {
        rescan();
        for (Path run : curves.unfinishedPaths()) {
            TreeItem<ExperimentItem> node = items.get(run);
            if (node != null) {
                loadCurves(node.getValue());
            }
        }
    }

    /** Lists the folders and opened grids again (the tab is shown: runs started since then appear). */
    public void rescan() {
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

    /** True when no folder read is outstanding (for tests and auto-refresh). */
    public boolean isIdle() {
        return reading == 0;
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
            updateStatus();
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
        updateStatus();
    }

    private static String runText(ExperimentCatalog.Entry e) {
        return e.name() + (e.finished() ? "" : "  (unfinished)");
    }

    // -------------------------------------------------------------- lines

    private TreeItem<ExperimentItem> runLine(ExperimentItem item) {
        TreeItem<ExperimentItem> line = new TreeItem<>(item);
        items.put(item.path(), line);
        item.checkedProperty().addListener((o, a, b) -> {
            if (b) {
                loadCurves(item);
            } else {
                curves.remove(item.path());
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

    private void loadGrid(TreeItem<ExperimentItem> line, Runnable then) {
        Path path = line.getValue().path();
        reading++;
        loader.grid(path, results -> {
            reading--;
            grids.put(path, results);
            fillCells(line, results);
            if (path.equals(shownGrid())) {
                showTable(results);
            }
            then.run();
        }, why -> {
            reading--;
            forgetChildren(line);
            line.getChildren().setAll(List.of(new TreeItem<>(ExperimentItem.note("cannot read: " + why))));
            if (path.equals(shownGrid())) {
                pane.table.showMessage("Cannot read the grid " + path + ": " + why);
            }
        });
    }

    private void fillCells(TreeItem<ExperimentItem> grid, GridResults results) {
        boolean ticked = grid.getValue().checkedProperty().get();
        List<TreeItem<ExperimentItem>> lines = new ArrayList<>();
        boolean variants = results.spec().variants().size() > 1;
        for (CellResult c : results.cells()) {
            boolean available = c.status() != CellStatus.NOT_STARTED;
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

    /** Ticks what a scan found, wherever it is listed (it may sit under the runs folder already). */
    private void tickAll(List<ExperimentCatalog.Entry> entries) {
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
        if (firstGrid != null) {
            firstGrid.setExpanded(true);
            pane.tree.getSelectionModel().select(firstGrid);
        }
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
            curves.remove(item.path());
        }
        forgetChildren(line);
    }

    private void forgetChildren(TreeItem<ExperimentItem> line) {
        for (TreeItem<ExperimentItem> child : new ArrayList<>(line.getChildren())) {
            forget(child);
        }
    }

    // ------------------------------------------------------- curves, table

    private void loadCurves(ExperimentItem item) {
        if (!item.drawable()) {
            return;
        }
        reading++;
        loader.run(item.path(), run -> {
            reading--;
            if (item.checkedProperty().get() && items.get(item.path()) != null) { // still wanted
                curves.show(run, legend(run.config(), item));
                if (!run.events().problems().isEmpty()) { // drawn all the same: name what was skipped
                    pane.status.setText(item.path().getFileName() + ": skipped "
                            + String.join("; ", run.events().problems()));
                }
            }
        }, why -> {
            reading--;
            pane.status.setText("Cannot read " + item.path() + ": " + why);
            item.checkedProperty().set(false);
        });
    }

    /** The method and initial strides, plus what tells the run apart from its neighbours. */
    private static String legend(RunConfig c, ExperimentItem item) {
        StringBuilder b = new StringBuilder(c.label());
        if (c.phc() >= 2) {
            b.append(" PHC").append(c.phc());
        }
        if (c.mixupAlpha() > 0) {
            b.append(" mixup ").append(c.mixupAlpha());
        }
        if (item.kind() == ExperimentItem.Kind.CELL) {
            b.append(" seed ").append(c.seed());
        } else {
            b.append(" [").append(item.path().getFileName()).append(']');
        }
        return b.toString();
    }

    private void selected(TreeItem<ExperimentItem> line) {
        if (line == null) {
            return;
        }
        Path grid = gridOf(line);
        if (grid != null) {
            GridResults results = grids.get(grid);
            if (results != null) {
                showTable(results);
            } else {
                pane.table.showMessage("Reading the grid " + grid.getFileName() + "\u2026");
                loadGrid(items.get(grid), () -> { });
            }
        } else if (line.getValue().kind() == ExperimentItem.Kind.RUN) {
            pane.table.showMessage(line.getValue().path().getFileName() + " is a single run: tick it to overlay its "
                    + "curves. Grids (made with `stridelab grid run`) get a results table here.");
        }
    }

    /** The grid a line belongs to: itself, or the grid of a cell. */
    private static Path gridOf(TreeItem<ExperimentItem> line) {
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

    private Path shownGrid() {
        return gridOf(pane.tree.getSelectionModel().getSelectedItem());
    }

    private void showTable(GridResults r) {
        String summary = String.format(Locale.ROOT, "%s: %d of %d cells finished, %d running, %d failed%s",
                r.spec().name(), r.count(CellStatus.FINISHED), r.cells().size(), r.count(CellStatus.RUNNING),
                r.count(CellStatus.FAILED), r.spec().description() == null || r.spec().description().isBlank() ? ""
                        : ". " + r.spec().description());
        pane.table.show(r.table(), summary);
    }

    private void updateStatus() {
        long runs = items.values().stream().filter(i -> i.getValue().kind() == ExperimentItem.Kind.RUN).count();
        long gridCount = items.values().stream().filter(i -> i.getValue().kind() == ExperimentItem.Kind.GRID).count();
        pane.status.setText(String.format(Locale.ROOT, "%d runs and %d grids in %d folders", runs, gridCount,
                folders.size()));
    }

    // --------------------------------------------------- for tests, demos

    /** The line of a run, grid or cell by its folder, or null. */
    public TreeItem<ExperimentItem> line(Path path) {
        return items.get(path.toAbsolutePath().normalize());
    }

    /** The charts' key of a ticked run's curves, or null if they are not drawn (yet). */
    public String curveKey(Path path) {
        return curves.key(path.toAbsolutePath().normalize());
    }
}
