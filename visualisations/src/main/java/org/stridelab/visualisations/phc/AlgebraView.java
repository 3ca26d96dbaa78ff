package org.stridelab.visualisations.phc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.visualisations.raster.ColourBar;
import org.stridelab.visualisations.raster.Colormap;

/**
 * The learned algebras of a PHC network ({@link AlgebraEvent}): for the
 * chosen layer, its n matrices A_1..A_n side by side as n x n heatmaps on one
 * colour scale symmetric around 0. For n = 4 the quaternion algebra (fixed,
 * signed permutations) is drawn below as the reference a quaternion
 * convolution would use instead.
 */
public final class AlgebraView extends VBox {
    private final ComboBox<String> layer = new ComboBox<>();
    private final Label header = new Label();
    private final HBox learned = new HBox(14);
    private final HBox quaternion = new HBox(14);
    private final VBox reference;
    private final ColourBar bar = new ColourBar(Colormap.DIVERGING);
    private List<AlgebraEvent.Layer> layers = List.of();
    private long step;

    public AlgebraView() {
        setId("algebraView");
        getStyleClass().add("algebra-view");
        setSpacing(8);
        setPadding(new Insets(4));
        layer.setId("algebraLayer");
        layer.setVisibleRowCount(16);
        layer.valueProperty().addListener((o, a, b) -> drawSelected());
        header.getStyleClass().add("muted");
        header.setWrapText(true);
        header.setId("algebraHeader");
        Label layerLabel = new Label("layer");
        HBox top = new HBox(8, layerLabel, layer, bar);
        top.setAlignment(Pos.CENTER_LEFT);
        learned.setAlignment(Pos.TOP_LEFT);
        quaternion.setAlignment(Pos.TOP_LEFT);
        float[][][] q = QuaternionAlgebra.matrices();
        for (int c = 0; c < q.length; c++) {
            AlgebraHeatmap h = new AlgebraHeatmap(34);
            h.show("A_" + QuaternionAlgebra.COMPONENTS[c], q[c], 1);
            quaternion.getChildren().add(h);
        }
        Label refTitle = new Label("for comparison, a quaternion convolution (fixed, not learned): every matrix is a "
                + "signed permutation, one \u00b11 in each row and column");
        refTitle.getStyleClass().add("muted");
        refTitle.setWrapText(true);
        reference = new VBox(4, refTitle, quaternion);
        reference.setId("quaternionReference");
        Label learnedTitle = new Label("learned by this layer");
        learnedTitle.getStyleClass().add("panel-title");
        VBox content = new VBox(10, learnedTitle, learned, reference);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, top, scroll);
        showMessage("Start a run with a PHC order (2, 3 or 4) in the run form: the algebra each hypercomplex "
                + "layer learns appears here, updated every 20 steps.");
    }

    /** Says why nothing is shown (no run, or a run with ordinary convolutions); clears the heatmaps. */
    public void showMessage(String text) {
        layers = List.of();
        layer.getItems().clear();
        learned.getChildren().clear();
        reference.setVisible(false);
        reference.setManaged(false);
        bar.setVisible(false);
        header.setText(text);
    }

    /** Shows the algebras of an event, keeping the chosen layer if the event has it. */
    public void show(AlgebraEvent event) {
        if (event.layers().isEmpty()) {
            showMessage("This network has no hypercomplex layers.");
            return;
        }
        layers = event.layers();
        step = event.globalStep();
        List<String> names = new ArrayList<>();
        for (AlgebraEvent.Layer l : layers) {
            names.add(l.name());
        }
        String chosen = layer.getValue();
        if (!names.equals(layer.getItems())) {
            layer.getItems().setAll(names);
        }
        if (chosen != null && names.contains(chosen)) {
            if (!chosen.equals(layer.getValue())) {
                layer.setValue(chosen);
            }
            drawSelected(); // same layer, new values
        } else {
            layer.setValue(names.get(0)); // draws through the listener
        }
    }

    private void drawSelected() {
        AlgebraEvent.Layer shown = selected();
        if (shown == null) {
            return;
        }
        float[][][] m = shown.matrices();
        int n = m.length;
        double limit = 0;
        for (float[][] matrix : m) {
            for (float[] row : matrix) {
                for (float v : row) {
                    limit = Math.max(limit, Math.abs(v));
                }
            }
        }
        int cell = n <= 2 ? 54 : n == 3 ? 44 : 38;
        if (learned.getChildren().size() != n) {
            learned.getChildren().clear();
            for (int i = 0; i < n; i++) {
                learned.getChildren().add(new AlgebraHeatmap(cell));
            }
        }
        for (int i = 0; i < n; i++) {
            ((AlgebraHeatmap) learned.getChildren().get(i)).show("A_" + (i + 1), m[i], limit);
        }
        bar.setRange(-limit, limit, "white = 0; one scale for the layer's " + n + " matrices");
        bar.setVisible(true);
        reference.setVisible(n == 4);
        reference.setManaged(n == 4);
        header.setText(String.format(Locale.ROOT, "Layer %s at step %,d: n = %d, so %d matrices of %d\u00d7%d "
                + "(W = \u03a3 A_i \u2297 F_i). %d hypercomplex layers in this network.", shown.name(), step, n, n, n,
                n, layers.size()));
    }

    private AlgebraEvent.Layer selected() {
        String name = layer.getValue();
        for (AlgebraEvent.Layer l : layers) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** The order n of the layer shown, 0 if none (for tests and the app). */
    public int shownOrder() {
        AlgebraEvent.Layer s = selected();
        return s == null ? 0 : s.matrices().length;
    }

    /** The heatmaps of the shown layer, A_1..A_n. */
    public List<AlgebraHeatmap> heatmaps() {
        List<AlgebraHeatmap> out = new ArrayList<>();
        learned.getChildren().forEach(n -> out.add((AlgebraHeatmap) n));
        return out;
    }

    public List<String> layerNames() {
        return List.copyOf(layer.getItems());
    }

    public void selectLayer(String name) {
        layer.setValue(name);
    }

    public boolean showsQuaternionReference() {
        return reference.isVisible();
    }
}
