package org.stridelab.visualisations.images;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.visualisations.raster.Raster;
import org.stridelab.visualisations.raster.RasterView;

/**
 * A paged browser of a dataset's images: thumbnails drawn crisply at 4x with
 * their class names, filterable by class. Only one page of nodes exists at a
 * time, so a 10,000-image test set costs no more than fifteen thumbnails.
 */
public final class ThumbnailGrid extends VBox {
    private static final int PAGE = 15;
    private static final int SCALE = 4;

    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ComboBox<String> classFilter = new ComboBox<>();
    private final Pagination pages = new Pagination(1);
    private final Label count = new Label();
    private LabeledImages images;
    private List<Integer> shown = List.of();
    /** The thumbnails of the page on screen (one listener marks the selected one, not one per thumbnail). */
    private final List<Node> pageBoxes = new ArrayList<>();

    public ThumbnailGrid() {
        getStyleClass().add("thumbnail-grid");
        setSpacing(6);
        classFilter.setId("classFilter");
        classFilter.setOnAction(e -> applyFilter());
        pages.setPageFactory(this::page);
        pages.setMaxPageIndicatorCount(5);
        VBox.setVgrow(pages, Priority.ALWAYS);
        count.getStyleClass().add("muted");
        HBox top = new HBox(8, new Label("class"), classFilter, count);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, pages);
        selected.addListener((obs, was, now) -> {
            for (Node box : pageBoxes) {
                box.getStyleClass().remove("selected");
                if (Integer.valueOf(now.intValue()).equals(box.getUserData())) {
                    box.getStyleClass().add("selected");
                }
            }
        });
    }

    /** The dataset to browse (e.g. the test split); selects its first image. */
    public void setImages(LabeledImages images) {
        this.images = images;
        List<String> items = new ArrayList<>();
        items.add("all classes");
        items.addAll(images.classNames());
        classFilter.getItems().setAll(items);
        classFilter.getSelectionModel().select(0);
        applyFilter();
        selected.set(-1);
        selected.set(0);
    }

    public LabeledImages images() {
        return images;
    }

    /** Index (in the dataset) of the chosen image, -1 if none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    private void applyFilter() {
        if (images == null) {
            return;
        }
        int cls = classFilter.getSelectionModel().getSelectedIndex() - 1;
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (cls < 0 || images.label(i) == cls) {
                ids.add(i);
            }
        }
        shown = ids;
        count.setText(String.format("%,d images", ids.size()));
        pages.setPageCount(Math.max(1, (ids.size() + PAGE - 1) / PAGE));
        pages.setCurrentPageIndex(0);
        pages.setPageFactory(this::page); // rebuild the current page for the new filter
    }

    private Node page(int index) {
        pageBoxes.clear();
        TilePane tiles = new TilePane();
        tiles.getStyleClass().add("thumbnail-page");
        tiles.setPrefColumns(3);
        tiles.setHgap(6);
        tiles.setVgap(6);
        if (images == null) {
            return tiles;
        }
        for (int k = index * PAGE; k < Math.min(shown.size(), (index + 1) * PAGE); k++) {
            tiles.getChildren().add(thumbnail(shown.get(k)));
        }
        return tiles;
    }

    private Node thumbnail(int i) {
        RasterView view = new RasterView(SCALE);
        view.setRaster(Raster.ofPlanes(images.imageRgb(i), LabeledImages.SIDE));
        Label name = new Label(images.classNames().get(images.label(i)));
        name.getStyleClass().add("thumbnail-label");
        VBox box = new VBox(2, view, name);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("thumbnail");
        box.setId("thumb-" + i);
        if (selected.get() == i) {
            box.getStyleClass().add("selected");
        }
        box.setUserData(i);
        pageBoxes.add(box);
        box.setOnMouseClicked(e -> selected.set(i));
        return box;
    }
}
