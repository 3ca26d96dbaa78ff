package org.stridelab.visualisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.spectral.AxisCrop;
import org.stridelab.engine.spectral.CropResult;
import org.stridelab.engine.spectral.SpectralGeometry;
import org.stridelab.engine.spectral.SpectrumTools;
import org.stridelab.visualisations.masks.MaskGallery;
import org.stridelab.visualisations.raster.RasterView;
import org.stridelab.visualisations.spectrum.CropInspector;
import org.stridelab.visualisations.strides.StrideHistoryChart;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The views on a real (headless) stage, fed with plain data as the app would feed them. */
@ExtendWith(ApplicationExtension.class)
class ViewsFxTest {
    // Controls can only be made once the toolkit runs: in @Start, not as field initialisers.
    private CropInspector inspector;
    private MaskGallery masks;
    private StrideHistoryChart strides;

    @Start
    void start(Stage stage) {
        inspector = new CropInspector();
        masks = new MaskGallery();
        strides = new StrideHistoryChart();
        VBox root = new VBox(inspector, masks, strides.viewer());
        stage.setScene(new Scene(root, 1200, 1100));
        stage.show();
    }

    @Test
    void inspectorShowsTheSizesTheEngineComputes(FxRobot robot) throws Exception {
        float[][][] image = checkerboard(32);
        robot.interact(() -> {
            inspector.setImage(image, "checkerboard");
            inspector.setSliders(2, 2, 4);
        });
        assertSizes(robot, image, 2, 2, 4);
        robot.interact(() -> inspector.setSliders(3, 1.5, 2));
        assertSizes(robot, image, 3, 1.5, 2);
        RasterView input = robot.lookup("#inspectorInput .raster-view").queryAs(RasterView.class);
        assertNotNull(fx(() -> input.geometry()), "the input image is drawn");
        assertEquals(CropInspector.SCALE, fx(() -> input.geometry().scale()), "drawn at a whole-number scale, a block per pixel");
    }

    @Test
    void learnedStridesDriveTheInspectorWhenChosen(FxRobot robot) throws Exception {
        float[][][] image = checkerboard(32);
        PoolingState layer = state("stage2", 32, 2.7, 1.6, 4);
        robot.interact(() -> {
            inspector.setImage(image, "x");
            inspector.setLearnedStrides(List.of(layer), 4);
        });
        robot.clickOn("learned strides of");
        WaitForAsyncUtils.waitForFxEvents();
        CropResult expected = SpectrumTools.diffStrideCrop(image, 2.7, 1.6, 4);
        assertEquals(expected.height() + "\u00d7" + expected.width(),
                fx(() -> robot.lookup("#diffStrideSize").queryAs(Label.class).getText()).split(" ")[0]);
    }

    @Test
    void masksAndStrideLinesAppearPerLayer(FxRobot robot) throws Exception {
        List<PoolingState> layers = List.of(state("stem", 32, 1.14, 1.14, 4), state("stage2", 32, 2, 2, 4),
                state("stage3", 12, 2, 2, 4));
        robot.interact(() -> {
            masks.show(layers);
            for (int step = 1; step <= 30; step++) {
                strides.addStrides(step, layers);
            }
            strides.refreshNow();
        });
        assertEquals(3, fx(masks::layerCount));
        assertEquals(24, fx(() -> masks.view("stage2").cropBox().rows()), "DiffStride at 2 keeps 24 rows of 32");
        assertEquals(30, fx(() -> strides.shownPoints("stage2 Sh")));
        assertEquals(30, fx(() -> strides.shownPoints("stem Sw")));
        assertTrue(fx(() -> strides.plot().getDataset().getSeriesCount()) == 6, "one line per layer and axis");
    }

    private void assertSizes(FxRobot robot, float[][][] image, double sh, double sw, double r) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CropResult strided = SpectrumTools.stridedCrop(image, sh, sw);
        CropResult fixed = SpectrumTools.spectralPoolingCrop(image, sh, sw);
        CropResult diff = SpectrumTools.diffStrideCrop(image, sh, sw, r);
        assertEquals(size(strided), shown(robot, "#stridedSize"));
        assertEquals(size(fixed), shown(robot, "#fixedSize"));
        assertEquals(size(diff), shown(robot, "#diffStrideSize"));
        assertEquals(List.of(fixed.height(), fixed.width()),
                List.of(SpectralGeometry.fixedOutputHeight(32, sh), SpectralGeometry.fixedOutputWidth(32, sw)));
        RasterView fixedView = robot.lookup("#inspectorFixed .raster-view").queryAs(RasterView.class);
        assertEquals(fixed.width(), fx(() -> fixedView.getRaster().width()), "the drawn crop has the computed size");
        assertEquals(fixed.height(), fx(() -> fixedView.getRaster().height()));
    }

    private static String shown(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText()).split(" ")[0];
    }

    private static String size(CropResult c) {
        return c.height() + "\u00d7" + c.width();
    }

    static PoolingState state(String name, int size, double sh, double sw, double r) {
        double ch = SpectralGeometry.clampStride(size, sh, r);
        double cw = SpectralGeometry.clampStride(size, sw, r);
        AxisCrop rows = SpectralGeometry.diffStrideRows(size, ch, r);
        AxisCrop cols = SpectralGeometry.diffStrideColumns(size, cw, r);
        return new PoolingState(name, ch, cw, size, size, rows.outputSize(), cols.outputSize(), rows.maskAsFloats(),
                cols.maskAsFloats());
    }

    static float[][][] checkerboard(int side) {
        float[][][] img = new float[3][side][side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    img[c][y][x] = ((x / 2 + y / 3) % 2 == 0 ? 0.9f : 0.1f) * (c + 1) / 3f;
                }
            }
        }
        return img;
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
