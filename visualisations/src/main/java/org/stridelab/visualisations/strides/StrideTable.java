package org.stridelab.visualisations.strides;

import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.stridelab.engine.spectral.PoolingState;

/**
 * The current strides as numbers, one row per spectral layer: Sh, Sw and the
 * feature-map size going in and coming out. A chart shows the trend; the table
 * answers "what is it now", and the output size is what the compute cost follows.
 */
public final class StrideTable extends GridPane {
    private static final String[] HEADERS = {"layer", "Sh", "Sw", "input", "output"};
    private final Label costLabel = new Label();

    public StrideTable() {
        getStyleClass().add("stride-table");
        setHgap(14);
        setVgap(3);
        for (int c = 0; c < HEADERS.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setHgrow(c == 0 ? Priority.ALWAYS : Priority.NEVER);
            getColumnConstraints().add(cc);
        }
        costLabel.getStyleClass().add("stride-cost");
        costLabel.setId("strideCost");
        show(List.of(), 0);
    }

    /** Shows the layers' current state and the network's multiply-adds per image (0 if unknown). */
    public void show(List<PoolingState> layers, long multiplyAddsPerImage) {
        getChildren().clear();
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = new Label(HEADERS[c]);
            h.getStyleClass().add("table-header");
            add(h, c, 0);
        }
        if (layers.isEmpty()) {
            Label none = new Label("no spectral layers in this run");
            none.getStyleClass().add("muted");
            add(none, 0, 1, HEADERS.length, 1);
        }
        int row = 1;
        for (PoolingState s : layers) {
            add(new Label(s.name()), 0, row);
            add(value(String.format(Locale.ROOT, "%.3f", s.strideHeight())), 1, row);
            add(value(String.format(Locale.ROOT, "%.3f", s.strideWidth())), 2, row);
            add(value(size(s.inputHeight(), s.inputWidth())), 3, row);
            add(value(size(s.outputHeight(), s.outputWidth())), 4, row);
            row++;
        }
        costLabel.setText(multiplyAddsPerImage > 0
                ? String.format(Locale.ROOT, "network cost: %.1f M multiply-adds per image", multiplyAddsPerImage / 1e6)
                : "");
        add(costLabel, 0, row, HEADERS.length, 1);
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("number");
        return l;
    }

    private static String size(int h, int w) {
        return h == 0 ? "-" : h + "\u00d7" + w;
    }
}
