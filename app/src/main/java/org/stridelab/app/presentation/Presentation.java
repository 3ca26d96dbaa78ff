package org.stridelab.app.presentation;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.stridelab.visualisations.charts.ChartTheme;

/**
 * The lab in front of a hall: zoom (Ctrl+plus, Ctrl+minus, Ctrl+0), full
 * screen (F11) and the high-contrast theme (Ctrl+Shift+H: its stylesheet for
 * the controls, {@link ChartTheme#HIGH_CONTRAST} for the curves). Zoom and
 * theme are remembered between starts.
 */
public final class Presentation {
    /** Added over lab.css in the high-contrast theme. */
    static final String HIGH_CONTRAST_CSS = "/org/stridelab/app/styles/lab-high-contrast.css";

    private final Stage stage;
    private final Scene scene;
    private final ZoomPane zoom;
    private final LabPreferences preferences;
    private final ToggleButton highContrast = new ToggleButton("High contrast");

    public Presentation(Stage stage, Scene scene, ZoomPane zoom, LabPreferences preferences) {
        this.stage = stage;
        this.scene = scene;
        this.zoom = zoom;
        this.preferences = preferences;
        zoom.setZoom(preferences.zoom());
        setTheme(preferences.theme());
        zoom.zoomProperty().addListener(o -> remember());
        highContrast.setId("highContrast");
        highContrast.setTooltip(new Tooltip("Colour-blind-safe curves, thick lines, large black text (Ctrl+Shift+H)"));
        highContrast.setOnAction(e -> setTheme(highContrast.isSelected() ? ChartTheme.HIGH_CONTRAST
                : ChartTheme.STANDARD));
        installShortcuts();
    }

    private void installShortcuts() {
        var keys = scene.getAccelerators();
        for (KeyCode k : List.of(KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD)) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY), zoom::zoomIn);
        }
        for (KeyCode k : List.of(KeyCode.MINUS, KeyCode.SUBTRACT)) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN), zoom::zoomOut);
        }
        for (KeyCode k : List.of(KeyCode.DIGIT0, KeyCode.NUMPAD0)) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN), () -> zoom.setZoom(1.0));
        }
        keys.put(new KeyCodeCombination(KeyCode.F11), this::toggleFullScreen);
        keys.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> setTheme(theme() == ChartTheme.HIGH_CONTRAST ? ChartTheme.STANDARD : ChartTheme.HIGH_CONTRAST));
    }

    /** Zoom out, zoom in and the theme toggle, for the status bar. */
    public List<Node> controls() {
        Button out = new Button("A\u2212");
        out.setId("zoomOut");
        out.setTooltip(new Tooltip("Smaller (Ctrl+minus; Ctrl+0 resets)"));
        out.setOnAction(e -> zoom.zoomOut());
        Button in = new Button("A+");
        in.setId("zoomIn");
        in.setTooltip(new Tooltip("Larger, for a projector (Ctrl+plus; F11 for full screen)"));
        in.setOnAction(e -> zoom.zoomIn());
        return List.of(out, in, highContrast);
    }

    public ChartTheme theme() {
        return ChartTheme.active();
    }

    /** Applies a theme to the controls and the charts, and remembers it. */
    public void setTheme(ChartTheme theme) {
        ChartTheme.activeProperty().set(theme);
        String css = Presentation.class.getResource(HIGH_CONTRAST_CSS).toExternalForm();
        scene.getStylesheets().remove(css);
        if (theme == ChartTheme.HIGH_CONTRAST) {
            scene.getStylesheets().add(css);
        }
        highContrast.setSelected(theme == ChartTheme.HIGH_CONTRAST);
        remember();
    }

    public void toggleFullScreen() {
        stage.setFullScreenExitHint("F11 or Esc leaves full screen");
        stage.setFullScreen(!stage.isFullScreen());
    }

    public ZoomPane zoomPane() {
        return zoom;
    }

    private void remember() {
        preferences.save(zoom.zoom(), ChartTheme.active());
    }
}
