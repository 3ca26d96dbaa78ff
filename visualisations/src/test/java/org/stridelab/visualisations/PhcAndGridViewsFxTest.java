package org.stridelab.visualisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stridelab.visualisations.ViewsFxTest.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stridelab.engine.experiment.CellResult;
import org.stridelab.engine.experiment.CellStatus;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridTable;
import org.stridelab.engine.experiment.Spread;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.visualisations.compare.GridTableView;
import org.stridelab.visualisations.phc.AlgebraHeatmap;
import org.stridelab.visualisations.phc.AlgebraView;
import org.stridelab.visualisations.raster.Raster;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The PHC algebra view and the grid table, fed with plain engine records as the app feeds them. */
@ExtendWith(ApplicationExtension.class)
class PhcAndGridViewsFxTest {
    private AlgebraView algebra;
    private GridTableView table;

    @Start
    void start(Stage stage) {
        algebra = new AlgebraView();
        table = new GridTableView();
        stage.setScene(new Scene(new VBox(algebra, table), 1200, 1000));
        stage.show();
    }

    @Test
    void eachLayerShowsItsNMatricesOnAScaleSymmetricAroundZero(FxRobot robot) throws Exception {
        float[][][] two = {{{1f, -0.5f}, {0f, 0.25f}}, {{-1f, 0f}, {0.5f, 0f}}};
        float[][][] four = new float[4][4][4];
        four[2][1][3] = 0.8f;
        AlgebraEvent event = new AlgebraEvent("r", 20, List.of(new AlgebraEvent.Layer("stage2.conv1", two),
                new AlgebraEvent.Layer("stage3.conv1", four)));
        robot.interact(() -> algebra.show(event));

        assertEquals(List.of("stage2.conv1", "stage3.conv1"), fx(algebra::layerNames));
        assertEquals(2, fx(algebra::shownOrder), "the first layer is shown first");
        List<AlgebraHeatmap> maps = fx(algebra::heatmaps);
        assertEquals(2, maps.size(), "n matrices side by side");
        Raster first = fx(() -> maps.get(0).raster());
        assertEquals(List.of(2, 2), List.of(first.width(), first.height()), "n x n cells");
        assertEquals(0xffb2182b, first.pixel(0, 0), "the largest positive value is the red end");
        int zero = first.pixel(0, 1);
        assertTrue(red(zero) > 240 && green(zero) > 240 && blue(zero) > 240, "0 is white: " + Integer.toHexString(zero));
        assertTrue(blue(first.pixel(1, 0)) > red(first.pixel(1, 0)), "negative values are blue");
        assertEquals(0xff2166ac, fx(() -> maps.get(1).raster()).pixel(0, 0), "-1 is the blue end: one scale");
        assertFalse(fx(algebra::showsQuaternionReference), "the quaternion reference is for n = 4 only");

        robot.interact(() -> algebra.selectLayer("stage3.conv1"));
        assertEquals(4, fx(algebra::shownOrder));
        assertEquals(4, fx(() -> algebra.heatmaps().size()));
        assertEquals(4, fx(() -> algebra.heatmaps().get(2).raster().height()));
        assertTrue(fx(algebra::showsQuaternionReference));

        robot.interact(() -> algebra.show(new AlgebraEvent("r", 40, event.layers())));
        assertEquals(4, fx(algebra::shownOrder), "a newer event keeps the chosen layer");
    }

    @Test
    void theGridTableShowsAccuracyShiftAndThePublishedNumbers(FxRobot robot) throws Exception {
        double[] good = {2, 2, 2};
        double[] bad = {3, 2, 3};
        List<DownsamplingMethod> methods = List.of(DownsamplingMethod.STRIDED, DownsamplingMethod.DIFFSTRIDE);
        GridTable data = new GridTable(methods, List.of(new GridTable.Section(new GridCell.Variant(128, 0, 0),
                List.of(new GridTable.Row(good, List.of(entry(DownsamplingMethod.STRIDED, 2, 0.80, 0.90),
                                entry(DownsamplingMethod.DIFFSTRIDE, 1, 0.93))),
                        new GridTable.Row(bad, List.of(entry(DownsamplingMethod.STRIDED, 1, 0.70),
                                entry(DownsamplingMethod.DIFFSTRIDE, 0)))))));
        robot.interact(() -> table.show(data, "fake: 4 of 5 finished"));

        assertEquals(1, fx(table::sectionCount));
        assertEquals("85.0 \u00b1 7.1", fx(() -> table.accuracyText(0, 0, 0)));
        assertEquals("93.0", fx(() -> table.accuracyText(0, 0, 1)));
        assertEquals("91.4", fx(() -> table.publishedText(0, 0, 0)));
        assertEquals("92.5", fx(() -> table.publishedText(0, 0, 1)));
        assertEquals("82.0", fx(() -> table.publishedText(0, 1, 0)));
        assertEquals("92.3", fx(() -> table.publishedText(0, 1, 1)));
        assertEquals("\u2014", fx(() -> table.accuracyText(0, 1, 1)), "a cell not started yet: the engine's dash");
        assertTrue(fx(() -> robot.lookup(".grid-accuracy.best").queryAll().size()) == 1, "one best per full row");
        assertTrue(fx(table::headingText).startsWith("fake"));
    }

    /** An entry over {@code finished} finished seeds with these accuracies (shift = accuracy, for brevity). */
    private static GridTable.Entry entry(DownsamplingMethod m, int finished, double... accuracies) {
        List<CellResult> runs = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(1, finished); i++) {
            runs.add(new CellResult(new GridCell(m, new double[] {2, 2, 2}, 128, 0, 0, i + 1), Path.of("cell" + i),
                    finished == 0 ? CellStatus.NOT_STARTED : CellStatus.FINISHED, null, null, null, 0, Double.NaN,
                    Map.of(), null));
        }
        return new GridTable.Entry(m, runs, Spread.of(accuracies), Spread.of(accuracies), finished == 0 ? -1 : 1000,
                finished == 0 ? -1 : 2_000_000, 3.0, Map.of());
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }
}
