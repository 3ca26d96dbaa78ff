package org.stridelab.visualisations.phc;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.stridelab.visualisations.raster.Colormap;
import org.stridelab.visualisations.raster.Raster;
import org.stridelab.visualisations.raster.RasterView;

/**
 * One n x n algebra matrix as a heatmap with its values written in the
 * cells: with at most 16 cells the numbers are readable, and a student can
 * check "this one is -1" instead of guessing from a colour.
 */
public final class AlgebraHeatmap extends VBox {
    private final RasterView view;
    private final Label caption = new Label();
    private float[][] values;
    private double limit = 1;

    /** @param cellPixels screen pixels per matrix entry */
    public AlgebraHeatmap(int cellPixels) {
        view = new RasterView(cellPixels);
        view.setOverlay((gc, g) -> {
            if (values == null) {
                return;
            }
            gc.setFont(Font.font(Math.max(9, Math.min(13, g.scale() / 3.6))));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            for (int a = 0; a < values.length; a++) {
                for (int b = 0; b < values[a].length; b++) {
                    // dark text on the pale middle of the colour map, white on its saturated ends
                    double t = Math.abs(values[a][b]) / limit;
                    gc.setFill(t > 0.6 ? Color.WHITE : Color.rgb(30, 30, 30));
                    float v = Math.abs(values[a][b]) < 0.005f ? 0f : values[a][b]; // no "-0.00"
                    gc.fillText(String.format(Locale.ROOT, "%.2f", v), g.x(b + 0.5), g.y(a + 0.5));
                }
            }
        });
        caption.getStyleClass().add("muted");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(3);
        getChildren().addAll(caption, view);
        getStyleClass().add("algebra-heatmap");
    }

    /**
     * @param limit the colour scale's end: values are drawn on -limit..+limit, 0 white
     */
    public void show(String name, float[][] matrix, double limit) {
        this.values = matrix;
        this.limit = limit > 0 ? limit : 1;
        int n = matrix.length;
        double[][] v = new double[n][matrix[0].length];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < matrix[a].length; b++) {
                v[a][b] = matrix[a][b];
            }
        }
        caption.setText(name);
        view.setRaster(Raster.ofValues(v, -this.limit, this.limit, Colormap.DIVERGING));
    }

    public Raster raster() {
        return view.getRaster();
    }

    public String caption() {
        return caption.getText();
    }
}
