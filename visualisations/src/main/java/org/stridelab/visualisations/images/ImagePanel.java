package org.stridelab.visualisations.images;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.stridelab.visualisations.raster.Raster;
import org.stridelab.visualisations.raster.RasterView;

/** A titled picture with a caption under it (its size), drawn crisply at a fixed scale. */
public final class ImagePanel extends VBox {
    private final Label title = new Label();
    private final Label caption = new Label();
    private final RasterView view;

    public ImagePanel(String titleText, int scale) {
        getStyleClass().add("image-panel");
        title.setText(titleText);
        title.getStyleClass().add("panel-title");
        caption.getStyleClass().add("size-caption");
        view = new RasterView(scale);
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        getChildren().addAll(title, view, caption);
    }

    public void show(Raster raster, String captionText) {
        view.setRaster(raster);
        caption.setText(captionText);
    }

    public RasterView rasterView() {
        return view;
    }

    public Label caption() {
        return caption;
    }

    public Label title() {
        return title;
    }
}
