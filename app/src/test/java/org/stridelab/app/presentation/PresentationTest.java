package org.stridelab.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stridelab.visualisations.charts.ChartTheme;
import org.stridelab.visualisations.charts.LossChart;
import org.stridelab.visualisations.charts.RunLabel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom, theme and their memory, on a window holding one live chart. */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private static final String NODE = "/org/stridelab/lab-test-" + ProcessHandle.current().pid();
    private Presentation presentation;
    private LossChart chart;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Preferences.userRoot().node(NODE).removeNode();
        this.stage = stage;
        chart = new LossChart();
        chart.addRun(new RunLabel("a", "run a", 0));
        chart.addLoss("a", 1, 2.3);
        chart.addLoss("a", 2, 2.1);
        ZoomPane zoom = new ZoomPane(new BorderPane(chart.viewer()));
        scene = new Scene(zoom, 800, 600);
        presentation = new Presentation(stage, scene, zoom, preferences());
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private static LabPreferences preferences() {
        return new LabPreferences(Preferences.userRoot().node(NODE));
    }

    @AfterEach
    void forget() throws Exception {
        fx(() -> {
            ChartTheme.activeProperty().set(ChartTheme.STANDARD);
            return null;
        });
        Preferences.userRoot().node(NODE).removeNode();
    }

    @Test
    void theKeysZoomEverythingTogetherAndTheZoomIsRemembered(FxRobot robot) throws Exception {
        ZoomPane zoom = presentation.zoomPane();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, fx(zoom::zoom), 1e-9, "Ctrl+plus: one step up");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, fx(zoom::zoom), 1e-9);
        // laid out for a window 1/zoom the size, drawn zoom times larger: it fills the window exactly
        assertEquals(fx(() -> scene.getWidth()) / 1.25, fx(() -> zoom.contentRegion().getWidth()), 0.5);
        assertEquals(1.25, preferences().zoom(), 1e-9, "remembered for the next start");

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, fx(zoom::zoom), 1e-9, "Ctrl+minus: one step down");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, fx(zoom::zoom), 1e-9, "Ctrl+0: back to 100 %");
        for (int i = 0; i < 20; i++) {
            robot.interact(zoom::zoomIn);
        }
        assertEquals(3.0, fx(zoom::zoom), 1e-9, "bounded at 300 %");
    }

    @Test
    void highContrastRestylesTheControlsAndTheCurvesAndIsRemembered(FxRobot robot) throws Exception {
        Color before = (Color) fx(() -> chart.plot().getRenderer().getSeriesPaint(1));
        assertEquals(new Color(0x1f77b4), before, "the standard palette's first run colour");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChartTheme.HIGH_CONTRAST, fx(presentation::theme));
        assertTrue(fx(() -> scene.getStylesheets().stream().anyMatch(s -> s.endsWith("lab-high-contrast.css"))));
        assertEquals(new Color(0x0072b2), fx(() -> chart.plot().getRenderer().getSeriesPaint(1)),
                "the curve already drawn takes the Okabe-Ito blue");
        float width = fx(() -> ((BasicStroke) chart.plot().getRenderer().getSeriesStroke(1)).getLineWidth());
        assertEquals(2f * 1.75f, width, 1e-6, "and a thicker line");
        assertEquals(ChartTheme.HIGH_CONTRAST, preferences().theme(), "remembered for the next start");

        robot.interact(() -> presentation.setTheme(ChartTheme.STANDARD));
        assertFalse(fx(() -> scene.getStylesheets().stream().anyMatch(s -> s.endsWith("lab-high-contrast.css"))));
        assertEquals(before, fx(() -> chart.plot().getRenderer().getSeriesPaint(1)));
    }

    @Test
    void aNewWindowStartsWithTheRememberedZoomAndTheme(FxRobot robot) throws Exception {
        preferences().save(1.5, ChartTheme.HIGH_CONTRAST);
        Presentation again = fx(() -> {
            ZoomPane zoom = new ZoomPane(new BorderPane());
            return new Presentation(stage, new Scene(zoom), zoom, preferences());
        });
        assertEquals(1.5, fx(() -> again.zoomPane().zoom()), 1e-9);
        assertEquals(ChartTheme.HIGH_CONTRAST, fx(again::theme));
    }

    @Test
    void f11TogglesFullScreen(FxRobot robot) throws Exception {
        robot.interact(presentation::toggleFullScreen);
        assertTrue(fx(stage::isFullScreen));
        robot.interact(presentation::toggleFullScreen);
        assertFalse(fx(stage::isFullScreen));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
