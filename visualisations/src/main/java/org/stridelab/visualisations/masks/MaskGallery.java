package org.stridelab.visualisations.masks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.stridelab.engine.spectral.PoolingState;

/**
 * The masks of all spectral layers side by side, in network order. Panels are
 * kept per layer name and only redrawn, so updating every frame is cheap.
 */
public final class MaskGallery extends HBox {
    private final Map<String, MaskView> views = new LinkedHashMap<>();
    private final Label empty = new Label("Masks appear here for the spectral methods (spectral, diffstride).");

    public MaskGallery() {
        getStyleClass().add("mask-gallery");
        setSpacing(12);
        empty.getStyleClass().add("muted");
        getChildren().add(empty);
    }

    public void show(List<PoolingState> layers) {
        if (layers.isEmpty()) {
            return;
        }
        if (getChildren().contains(empty)) {
            getChildren().remove(empty);
        }
        for (PoolingState s : layers) {
            MaskView v = views.computeIfAbsent(s.name(), k -> {
                MaskView view = new MaskView();
                HBox.setHgrow(view, Priority.ALWAYS);
                getChildren().add(view);
                return view;
            });
            v.show(s);
        }
    }

    public void reset() {
        views.clear();
        getChildren().setAll(empty);
    }

    /** The panel of a layer, or null. */
    public MaskView view(String layer) {
        return views.get(layer);
    }

    public int layerCount() {
        return views.size();
    }
}
