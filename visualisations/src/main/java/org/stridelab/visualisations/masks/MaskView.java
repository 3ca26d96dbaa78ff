package org.stridelab.visualisations.masks;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.visualisations.raster.Colormap;
import org.stridelab.visualisations.raster.Raster;
import org.stridelab.visualisations.raster.RasterView;

/**
 * One spectral layer's current 2-D mask as a heatmap on its rfft grid (rows
 * centred, frequency 0 in the middle row; columns 0..W/2), with the box of bins
 * the crop keeps outlined. Bright = the frequency passes, dark = removed, the
 * ramp in between is where DiffStride's stride gradient comes from.
 */
public final class MaskView extends VBox {
    private final Label title = new Label();
    private final Label caption = new Label();
    private final RasterView heatmap = new RasterView();
    private MaskGeometry.CropBox box;
    private int gridHeight;

    public MaskView() {
        getStyleClass().add("mask-view");
        title.getStyleClass().add("mask-title");
        caption.getStyleClass().add("size-caption");
        caption.setWrapText(true);
        title.setWrapText(true);
        heatmap.setPrefSize(220, 260);
        heatmap.setMinSize(120, 120);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        heatmap.setOverlay((gc, g) -> {
            gc.setFont(Font.font(10));
            gc.setFill(Color.gray(0.35));
            gc.setTextBaseline(VPos.CENTER);
            gc.setTextAlign(TextAlignment.RIGHT);
            if (g.x0() > 14) {
                gc.fillText("-" + gridHeight / 2, g.x0() - 3, g.y(0.5));
                gc.fillText("0", g.x0() - 3, g.y(gridHeight / 2 + 0.5));
                gc.fillText("+" + (gridHeight - 1 - gridHeight / 2), g.x0() - 3, g.y(gridHeight - 0.5));
            }
            if (box != null) {
                gc.setStroke(Color.web("#00e5ff"));
                gc.setLineWidth(1.5);
                gc.strokeRect(g.x(0), g.y(box.top()), (box.right() + 1) * g.scale(), box.rows() * g.scale());
            }
        });
        getChildren().addAll(title, heatmap, caption);
        setSpacing(3);
    }

    public void show(PoolingState state) {
        title.setText(String.format(Locale.ROOT, "%s  S (%.2f, %.2f)", state.name(), state.strideHeight(),
                state.strideWidth()));
        if (state.rowMask().length == 0 || state.columnMask().length == 0) {
            caption.setText("no forward pass yet");
            heatmap.setRaster(null);
            return;
        }
        gridHeight = state.rowMask().length;
        box = MaskGeometry.cropBox(state.rowMask(), state.columnMask());
        heatmap.setRaster(Raster.ofValues(MaskGeometry.centredRows(state.rowMask(), state.columnMask()), 0, 1,
                Colormap.VIRIDIS));
        caption.setText(String.format(Locale.ROOT, "%d\u00d7%d \u2192 %d\u00d7%d\nrfft grid %d\u00d7%d",
                state.inputHeight(), state.inputWidth(), state.outputHeight(), state.outputWidth(),
                state.rowMask().length, state.columnMask().length));
    }

    /** The crop box currently drawn (display coordinates), or null. */
    public MaskGeometry.CropBox cropBox() {
        return box;
    }
}
