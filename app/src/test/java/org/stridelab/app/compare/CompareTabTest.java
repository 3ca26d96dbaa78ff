package org.stridelab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.app.LabWindow;
import org.stridelab.app.config.LaunchOptions;
import org.stridelab.app.training.TrainingWorker;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.model.DownsamplingMethod;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab on a runs folder that holds a hand-made grid (finished,
 * running and missing cells) and a single run: the tree lists them, the
 * grid's table shows the cells' numbers beside the published ones, ticking
 * the grid overlays its cells' curves, and Refresh picks up a cell that
 * finished in the meantime.
 */
@ExtendWith(ApplicationExtension.class)
class CompareTabTest {
    @TempDir
    static Path runs;
    @TempDir
    static Path other;
    private static final FakeExperiments FAKE = new FakeExperiments();
    private static final double[] GOOD = {2, 2, 2};
    private static final double[] BAD = {3, 2, 3};
    private static GridFolder grid;
    private LabWindow window;

    @BeforeAll
    static void folders() throws Exception {
        Path home = Path.of("target", "test-home").toAbsolutePath(); // shared with LabWindowTest: data generated once
        Files.createDirectories(home);
        System.setProperty("stridelab.home", home.toString());
        TrainingWorker.start();
        grid = FAKE.grid(runs.resolve("fake-grid"));
        FAKE.finished(grid, FAKE.cell(DownsamplingMethod.STRIDED, GOOD, 1), 0.80, 0.90);
        FAKE.finished(grid, FAKE.cell(DownsamplingMethod.STRIDED, GOOD, 2), 0.90, 0.70);
        FAKE.finished(grid, FAKE.cell(DownsamplingMethod.DIFFSTRIDE, GOOD, 1), 0.93, 0.95);
        FAKE.started(grid, FAKE.cell(DownsamplingMethod.DIFFSTRIDE, GOOD, 2));
        FAKE.finished(grid, FAKE.cell(DownsamplingMethod.STRIDED, BAD, 1), 0.70, 0.50);
        FAKE.run(runs.resolve("single-run"));
    }

    @Start
    void start(Stage stage) {
        // a small network (its parameters are counted in the background) and no test images to load: this test
        // is about files, not training
        window = new LabWindow(stage, new LaunchOptions(java.util.Map.of("width", "0.125", "data", "cifar10"), false,
                "compare", runs.toString(), List.of(), List.of()), TrainingWorker.shared(), () -> { });
        stage.show();
    }

    @Test
    void theGridTableShowsTheCellsTickedCellsGetCurvesAndRefreshReadsAgain(FxRobot robot) throws Exception {
        ComparePane pane = fx(() -> window.views().compare);
        assertEquals("Compare", fx(() -> window.views().tabs.getSelectionModel().getSelectedItem().getText()));
        await(() -> window.compare().line(grid.path()) != null && window.compare().line(runs.resolve("single-run"))
                != null);
        TreeItem<ExperimentItem> gridLine = fx(() -> window.compare().line(grid.path()));
        assertEquals(ExperimentItem.Kind.GRID, gridLine.getValue().kind());

        robot.interact(() -> pane.tree.getSelectionModel().select(gridLine));
        await(() -> pane.table.sectionCount() == 1);
        assertEquals("85.0 \u00b1 7.1", fx(() -> pane.table.accuracyText(0, 0, 0)), "strided (2,2,2): two seeds");
        assertEquals("0.800 \u00b1 0.141", fx(() -> pane.table.shiftText(0, 0, 0)));
        assertEquals("93.0 (1/2)", fx(() -> pane.table.accuracyText(0, 0, 1)), "diffstride: one seed still running");
        assertEquals("70.0 (1/2)", fx(() -> pane.table.accuracyText(0, 1, 0)));
        assertEquals("\u2014", fx(() -> pane.table.accuracyText(0, 1, 1)), "not started");
        assertEquals("91.4", fx(() -> pane.table.publishedText(0, 0, 0)), "the paper's strided (2,2,2)");
        assertEquals("92.3", fx(() -> pane.table.publishedText(0, 1, 1)), "the paper's diffstride (3,2,3)");
        assertTrue(fx(pane.table::headingText).contains("4 of 8 cells finished, 1 running"),
                fx(pane.table::headingText));

        // Tick the grid in the tree, as a user does: its five started cells are drawn.
        robot.interact(() -> gridLine.setExpanded(true));
        await(() -> gridLine.getChildren().size() == 8);
        clickTickBox(robot, gridLine.getValue());
        Path strided = cellPath(DownsamplingMethod.STRIDED, GOOD, 1);
        Path diff = cellPath(DownsamplingMethod.DIFFSTRIDE, GOOD, 1);
        Path running = cellPath(DownsamplingMethod.DIFFSTRIDE, GOOD, 2);
        await(() -> window.compare().curveKey(strided) != null && window.compare().curveKey(diff) != null
                && window.compare().curveKey(running) != null);
        String key = fx(() -> window.compare().curveKey(strided));
        assertEquals(FakeExperiments.STEPS, fx(() -> pane.loss.points(key)), "every logged step");
        assertEquals(FakeExperiments.EPOCHS, fx(() -> pane.accuracy.points(key)), "every epoch");
        String diffKey = fx(() -> window.compare().curveKey(diff));
        assertEquals("stage2", fx(pane.strideLayer::getValue), "stage 2 is compared first");
        assertEquals(FakeExperiments.STEPS, fx(() -> pane.strides.data(diffKey + "/Sh").size()));
        assertNull(fx(() -> window.compare().curveKey(cellPath(DownsamplingMethod.DIFFSTRIDE, BAD, 1))),
                "a cell that never started has nothing to draw");

        // The single run can be ticked too, and unticking removes its curves.
        TreeItem<ExperimentItem> single = fx(() -> window.compare().line(runs.resolve("single-run")));
        robot.interact(() -> single.getValue().checkedProperty().set(true));
        await(() -> window.compare().curveKey(runs.resolve("single-run")) != null);
        String singleKey = fx(() -> window.compare().curveKey(runs.resolve("single-run")));
        assertEquals(FakeExperiments.STEPS, fx(() -> pane.loss.points(singleKey)));
        robot.interact(() -> single.getValue().checkedProperty().set(false));
        assertEquals(0, fx(() -> pane.loss.points(singleKey)));

        // The running cell finishes (the command line writes its summary); Refresh shows it.
        String runningKey = fx(() -> window.compare().curveKey(running));
        FAKE.finish(grid, FAKE.cell(DownsamplingMethod.DIFFSTRIDE, GOOD, 2), 0.91, 0.85);
        robot.clickOn("#compareRefresh");
        await(() -> "92.0 \u00b1 1.4".equals(pane.table.accuracyText(0, 0, 1)));
        assertTrue(fx(pane.table::headingText).contains("5 of 8 cells finished, 0 running"));
        await(() -> window.compare().isIdle());
        assertEquals(runningKey, fx(() -> window.compare().curveKey(running)), "a run read again keeps its colour");
        assertEquals(FakeExperiments.STEPS, fx(() -> pane.loss.points(runningKey)), "and is not drawn twice");
        assertEquals(key, fx(() -> window.compare().curveKey(strided)));

        // Another folder is added (as the button or a drop does): it is listed under the runs folder.
        FAKE.run(other.resolve("elsewhere"));
        robot.interact(() -> window.compare().addFolder(other));
        await(() -> window.compare().line(other.resolve("elsewhere")) != null);
        assertEquals(ExperimentItem.Kind.RUN, fx(() -> window.compare().line(other.resolve("elsewhere"))
                .getValue().kind()));
        assertEquals(2, fx(() -> pane.tree.getRoot().getChildren().size()), "the runs folder and the added one");
    }

    private Path cellPath(DownsamplingMethod m, double[] strides, long seed) {
        GridCell cell = FAKE.cell(m, strides, seed);
        return grid.cellFolder(cell).path().toAbsolutePath().normalize();
    }

    private static void clickTickBox(FxRobot robot, ExperimentItem item) {
        Node cell = robot.lookup(".experiment-cell").match(n -> n instanceof TreeCell<?> c && c.getItem() == item)
                .query();
        Node box = cell.lookup(".check-box");
        assertNotNull(box, "the grid's line has a tick box");
        robot.clickOn(box);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
