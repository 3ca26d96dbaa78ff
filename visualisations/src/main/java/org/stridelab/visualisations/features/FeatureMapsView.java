package org.stridelab.visualisations.features;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stridelab.engine.model.FeatureMaps;
import org.stridelab.visualisations.raster.Colormap;
import org.stridelab.visualisations.raster.Raster;
import org.stridelab.visualisations.raster.RasterView;

/**
 * A few channels of the network's activations for one image, just before and
 * just after each downsampling site, as captured from the live network by the
 * engine ({@link FeatureMaps}). Each channel is scaled to its own range (the
 * point is where the structure is, not how large the numbers are); "after"
 * maps are drawn at the same pixel scale as "before", so the shrinking shows.
 */
public final class FeatureMapsView extends VBox {
    private final Label header = new Label();
    private final GridPane grid = new GridPane();

    public FeatureMapsView() {
        getStyleClass().add("feature-maps");
        setId("featureMaps");
        setSpacing(8);
        setPadding(new Insets(4));
        header.getStyleClass().add("muted");
        header.setWrapText(true);
        header.setId("featureMapsHeader");
        grid.setHgap(18);
        grid.setVgap(10);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        showMessage("Start a run (or continue one), then pick an image in the crop inspector: its activations "
                + "around every downsampling layer appear here.");
    }

    public void showMessage(String text) {
        header.setText(text);
    }

    /** Shows the captured maps; {@code source} says which network and image they come from. */
    public void show(FeatureMaps maps, String source) {
        header.setText(source);
        grid.getChildren().clear();
        int row = 0;
        for (FeatureMaps.Site site : maps.sites()) {
            Label name = new Label(site.name());
            name.getStyleClass().add("panel-title");
            grid.add(name, 0, row);
            int scale = site.before() == null || site.before().length == 0 ? 3
                    : Math.max(1, Math.min(6, 96 / Math.max(site.before()[0].length, site.before()[0][0].length)));
            grid.add(channels("before", site.before(), scale), 1, row);
            grid.add(channels("after", site.after(), scale), 2, row);
            row++;
        }
    }

    /** Number of sites shown (for tests). */
    public int siteCount() {
        return grid.getRowCount();
    }

    private static VBox channels(String label, float[][][] maps, int scale) {
        HBox strip = new HBox(4);
        strip.setAlignment(Pos.CENTER_LEFT);
        String size = "-";
        if (maps != null && maps.length > 0) {
            int h = maps[0].length;
            int w = maps[0][0].length;
            size = String.format(Locale.ROOT, "%d channels shown, %d\u00d7%d", maps.length, h, w);
            for (float[][] channel : maps) {
                RasterView v = new RasterView(scale);
                v.setRaster(Raster.ofValues(toDouble(channel), Colormap.VIRIDIS));
                strip.getChildren().add(v);
            }
        }
        Label caption = new Label(label + ": " + size);
        caption.getStyleClass().add("muted");
        return new VBox(3, caption, strip);
    }

    private static double[][] toDouble(float[][] a) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j];
            }
        }
        return out;
    }
}
