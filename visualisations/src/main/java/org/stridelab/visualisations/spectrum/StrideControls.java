package org.stridelab.visualisations.spectrum;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.stridelab.engine.spectral.PoolingState;

/**
 * Where the inspector's strides come from: sliders (the playground: any real
 * stride and smoothness, no training needed) or the current learned strides
 * of one layer of the running network.
 */
final class StrideControls extends GridPane {
    final RadioButton fromSliders = new RadioButton("sliders");
    final RadioButton fromLayer = new RadioButton("learned strides of");
    final ComboBox<String> layer = new ComboBox<>();
    final Slider strideHeight = slider(1, 4, 2, "strideHeightSlider");
    final Slider strideWidth = slider(1, 4, 2, "strideWidthSlider");
    final Slider smoothness = slider(0, 8, 4, "smoothnessSlider");
    final CheckBox linked = new CheckBox("same on both axes");

    StrideControls() {
        getStyleClass().add("stride-controls");
        setHgap(8);
        setVgap(4);
        ToggleGroup group = new ToggleGroup();
        fromSliders.setToggleGroup(group);
        fromLayer.setToggleGroup(group);
        fromSliders.setSelected(true);
        fromLayer.setDisable(true);
        layer.setDisable(true);
        layer.setId("learnedLayer");
        layer.setPromptText("no spectral run yet");
        linked.setSelected(true);
        strideHeight.valueProperty().addListener((o, a, b) -> {
            if (linked.isSelected() && fromSliders.isSelected()) {
                strideWidth.setValue(b.doubleValue());
            }
        });
        strideWidth.valueProperty().addListener((o, a, b) -> {
            if (linked.isSelected() && fromSliders.isSelected()) {
                strideHeight.setValue(b.doubleValue());
            }
        });
        fromLayer.selectedProperty().addListener((o, a, b) -> {
            strideHeight.setDisable(b);
            strideWidth.setDisable(b);
            smoothness.setDisable(b);
        });
        HBox source = new HBox(8, new Label("strides from"), fromSliders, fromLayer, layer);
        source.setAlignment(Pos.CENTER_LEFT);
        add(source, 0, 0, 4, 1);
        row(1, "Sh (rows)", strideHeight);
        row(2, "Sw (columns)", strideWidth);
        row(3, "smoothness R", smoothness);
        add(linked, 3, 1);
    }

    /** Offers the layers of a spectral run; keeps the chosen one if it still exists. */
    void offerLayers(List<PoolingState> layers) {
        List<String> names = layers.stream().map(PoolingState::name).toList();
        if (!names.equals(layer.getItems())) {
            String chosen = layer.getValue();
            layer.getItems().setAll(names);
            layer.setValue(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(0));
        }
        fromLayer.setDisable(names.isEmpty());
        layer.setDisable(names.isEmpty());
        if (names.isEmpty()) {
            fromSliders.setSelected(true);
        }
    }

    private void row(int r, String name, Slider s) {
        Label value = new Label();
        value.getStyleClass().add("number");
        value.setMinWidth(44);
        value.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", s.getValue()), s.valueProperty()));
        add(new Label(name), 0, r);
        add(s, 1, r);
        add(value, 2, r);
    }

    private static Slider slider(double min, double max, double value, String id) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setPrefWidth(260);
        s.setShowTickMarks(true);
        s.setMajorTickUnit(1);
        s.setMinorTickCount(3);
        return s;
    }
}
