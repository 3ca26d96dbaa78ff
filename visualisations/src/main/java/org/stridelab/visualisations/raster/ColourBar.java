package org.stridelab.visualisations.raster;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The key to a heatmap: the colour map as a strip, with the values at its ends and middle. */
public final class ColourBar extends HBox {
    private static final int STEPS = 64;
    private final Label low = new Label();
    private final Label middle = new Label();
    private final Label high = new Label();
    private final RasterView strip = new RasterView(2);

    public ColourBar(Colormap map) {
        int[] px = new int[STEPS * 5];
        for (int x = 0; x < STEPS; x++) {
            for (int y = 0; y < 5; y++) {
                px[y * STEPS + x] = map.argb(x / (STEPS - 1.0));
            }
        }
        strip.setRaster(new Raster(STEPS, 5, px));
        for (Label l : new Label[] {low, middle, high}) {
            l.getStyleClass().addAll("muted", "number");
        }
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(low, strip, high, middle);
        getStyleClass().add("colour-bar");
    }

    /** Labels the strip's ends; {@code note} says what the middle colour means (e.g. "white = 0"). */
    public void setRange(double lo, double hi, String note) {
        low.setText(String.format(Locale.ROOT, "%.2f", lo));
        high.setText(String.format(Locale.ROOT, "%+.2f", hi));
        middle.setText(note);
    }
}
