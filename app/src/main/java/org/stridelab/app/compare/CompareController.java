package org.stridelab.app.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
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
import org.stridelab.engine.experiment.CellStatus;
import org.stridelab.engine.experiment.GridResults;
import org.stridelab.engine.config.RunConfig;

/**
 * The Compare tab's logic: which folders are listed (the runs folder first,
 * then those the user added or dropped), what each holds (runs and grids,
 * scanned in the background), which runs are ticked (their curves are read
 * and overlaid), which grid's table is shown, and Refresh, which reads all of
 * it again so that a grid running from the command line fills up on screen.
 */
public final class CompareController implements ExperimentTree.Listener {
    private static final Duration AUTO_REFRESH = Duration.seconds(10);

    private final ComparePane pane;
    private final CompareLoader loader = new CompareLoader();
    private final CompareCurves curves;
    private final ExperimentTree tree;
    private final Supplier<Window> owner;
    /** Runs whose curves are being read. */
    /** The grid whose table was asked for and is being read (its "Reading" message is shown). */
    private Path awaitedGrid;

    private int readingCurves;

    /**
     * @param runsFolder where the lab's new runs go (listed first, followed when it changes)
     * @param visible    whether the tab is shown (auto-refresh only reads folders someone looks at)
     */
    public CompareController(ComparePane pane, ObjectProperty<Path> runsFolder, Supplier<Window> owner,
                             BooleanSupplier visible) {
        this.pane = pane;
        this.owner = owner;
        this.tree = new ExperimentTree(pane.tree.getRoot(), loader, this);
        this.curves = new CompareCurves(pane.loss, pane.accuracy, pane.strides, pane.strideLayer);
        pane.addFolder.setOnAction(e -> chooseFolder());
        pane.refresh.setOnAction(e -> refresh());
        pane.tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected(b));
        acceptDroppedFolders();
        Timeline auto = new Timeline(new KeyFrame(AUTO_REFRESH, e -> {
            if (pane.autoRefresh.isSelected() && visible.getAsBoolean() && isIdle()) {
                refresh();
            }
        }));
        auto.setCycleCount(Animation.INDEFINITE);
        auto.play();
        runsFolder.addListener((o, a, b) -> followRunsFolder(b));
        followRunsFolder(runsFolder.get());
    }

    private void acceptDroppedFolders() {
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
    }

    // ------------------------------------------------------------ folders

    /** Lists a folder of runs or grids (or a single run or grid folder) under the ones already listed. */
    public void addFolder(Path folder) {
        tree.addFolder(folder.toAbsolutePath().normalize(), entries -> { });
    }

    /** As {@link #addFolder(Path)}, then ticks everything in it and shows its first grid (demos, --compare). */
    public void addFolderAndTick(Path folder) {
        tree.addFolder(folder.toAbsolutePath().normalize(), entries -> {
            TreeItem<ExperimentItem> firstGrid = tree.tickAll(entries);
            if (firstGrid != null) {
                firstGrid.setExpanded(true);
                pane.tree.getSelectionModel().select(firstGrid);
            }
        });
    }

    private void followRunsFolder(Path folder) {
        if (folder != null) {
            tree.followRunsFolder(folder.toAbsolutePath().normalize());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of runs or grids");
        Path runs = tree.runsFolder();
        if (runs != null && runs.toFile().isDirectory()) {
            chooser.setInitialDirectory(runs.toFile());
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
            TreeItem<ExperimentItem> node = tree.line(run);
            if (node != null) {
                loadCurves(node.getValue());
            }
        }
    }

    /** Lists the folders and opened grids again (the tab is shown: runs started since then appear). */
    public void rescan() {
        tree.rescan();
    }

    /** True when no folder, grid or run read is outstanding (for tests and auto-refresh). */
    public boolean isIdle() {
        return tree.idle() && readingCurves == 0;
    }

    // ------------------------------------------------- the tree's changes

    @Override
    public void ticked(ExperimentItem item) {
        loadCurves(item);
    }

    @Override
    public void gone(Path path) {
        curves.remove(path);
    }

    @Override
    public void gridRead(Path grid, GridResults results) {
        if (grid.equals(shownGrid())) {
            showTable(results);
        } else if (shownGrid() == null && grid.equals(awaitedGrid)) {
            // a rescan rebuilt the tree while the grid was read, and the selection went with the old
            // lines: select it again rather than leave "Reading the grid" standing
            TreeItem<ExperimentItem> line = tree.line(grid);
            if (line != null) {
                pane.tree.getSelectionModel().select(line);
            }
            showTable(results);
        }
    }

    @Override
    public void gridFailed(Path grid, String why) {
        if (grid.equals(shownGrid())) {
            pane.table.showMessage("Cannot read the grid " + grid + ": " + why);
        }
    }

    @Override
    public void changed() {
        pane.status.setText(String.format(Locale.ROOT, "%d runs and %d grids in %d folders",
                tree.count(ExperimentItem.Kind.RUN), tree.count(ExperimentItem.Kind.GRID), tree.folderCount()));
    }

    // ------------------------------------------------------- curves, table

    private void loadCurves(ExperimentItem item) {
        if (!item.drawable()) {
            return;
        }
        readingCurves++;
        loader.run(item.path(), run -> {
            readingCurves--;
            if (item.checkedProperty().get() && tree.line(item.path()) != null) { // still wanted
                curves.show(run, legend(run.config(), item));
                if (!run.events().problems().isEmpty()) { // drawn all the same: name what was skipped
                    pane.status.setText(item.path().getFileName() + ": skipped "
                            + String.join("; ", run.events().problems()));
                }
            }
        }, why -> {
            readingCurves--;
            pane.status.setText("Cannot read " + item.path() + ": " + why);
            item.checkedProperty().set(false);
        });
    }

    /** The method and initial strides, plus what tells the run apart from its neighbours. */
    private static String legend(RunConfig c, ExperimentItem item) {
        StringBuilder b = new StringBuilder(c.label());
        if (c.model().phc() >= 2) {
            b.append(" PHC").append(c.model().phc());
        }
        if (c.data().mixupAlpha() > 0) {
            b.append(" mixup ").append(c.data().mixupAlpha());
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
        Path grid = ExperimentTree.gridOf(line);
        if (grid != null) {
            GridResults results = tree.grid(grid);
            if (results != null) {
                showTable(results);
            } else {
                pane.table.showMessage("Reading the grid " + grid.getFileName() + "\u2026");
                awaitedGrid = grid;
                tree.loadGrid(tree.line(grid), () -> { });
            }
        } else if (line.getValue().kind() == ExperimentItem.Kind.RUN) {
            pane.table.showMessage(line.getValue().path().getFileName() + " is a single run: tick it to overlay its "
                    + "curves. Grids (made with `stridelab grid run`) get a results table here.");
        }
    }

    private Path shownGrid() {
        return ExperimentTree.gridOf(pane.tree.getSelectionModel().getSelectedItem());
    }

    private void showTable(GridResults r) {
        String summary = String.format(Locale.ROOT, "%s: %d of %d cells finished, %d running, %d failed%s",
                r.spec().name(), r.count(CellStatus.FINISHED), r.cells().size(), r.count(CellStatus.RUNNING),
                r.count(CellStatus.FAILED), r.spec().description() == null || r.spec().description().isBlank() ? ""
                        : ". " + r.spec().description());
        pane.table.show(r.table(), summary);
    }

    // --------------------------------------------------- for tests, demos

    /** The line of a run, grid or cell by its folder, or null. */
    public TreeItem<ExperimentItem> line(Path path) {
        return tree.line(path.toAbsolutePath().normalize());
    }

    /** The charts' key of a ticked run's curves, or null if they are not drawn (yet). */
    public String curveKey(Path path) {
        return curves.key(path.toAbsolutePath().normalize());
    }
}
