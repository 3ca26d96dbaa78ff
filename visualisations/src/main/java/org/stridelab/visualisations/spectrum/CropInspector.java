package org.stridelab.visualisations.spectrum;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.spectral.CropResult;
import org.stridelab.visualisations.images.ImagePanel;
import org.stridelab.visualisations.raster.Colormap;
import org.stridelab.visualisations.raster.Raster;

/**
 * One image through the three downsamplings, side by side, at strides from
 * sliders or from a layer of the running network: the input, its centred
 * log-magnitude spectrum (with what each spectral pooling keeps drawn over it),
 * plain strided subsampling, fixed spectral pooling and DiffStride. All outputs
 * are drawn at the same scale per pixel, so their sizes compare on screen.
 */
public final class CropInspector extends VBox {
    /** Screen pixels per image pixel for every picture in the inspector (crisp blocks, sizes comparable). */
    public static final int SCALE = 7;

    private final StrideControls controls = new StrideControls();
    private final ImagePanel input = new ImagePanel("input", SCALE);
    private final ImagePanel spectrum = new ImagePanel("log |spectrum| (centred)", SCALE);
    private final ImagePanel strided = new ImagePanel("strided subsampling", SCALE);
    private final ImagePanel fixed = new ImagePanel("fixed spectral pooling", SCALE);
    private final ImagePanel diffStride = new ImagePanel("DiffStride", SCALE);
    private final SpectrumOverlay overlay = new SpectrumOverlay();
    private final Label source = new Label();
    private List<PoolingState> layers = List.of();
    private double learnedSmoothness = 4;
    private float[][][] image;
    private SpectralPreview preview;
    /** Guards against re-entry: showing a layer's strides moves the sliders, which would update again. */
    private boolean updating;

    public CropInspector() {
        getStyleClass().add("crop-inspector");
        setSpacing(10);
        setPadding(new Insets(4));
        input.setId("inspectorInput");
        spectrum.setId("inspectorSpectrum");
        strided.setId("inspectorStrided");
        fixed.setId("inspectorFixed");
        diffStride.setId("inspectorDiffStride");
        strided.caption().setId("stridedSize");
        fixed.caption().setId("fixedSize");
        diffStride.caption().setId("diffStrideSize");
        spectrum.rasterView().setOverlay(overlay);
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        controls.strideHeight.valueProperty().addListener(o -> update());
        controls.strideWidth.valueProperty().addListener(o -> update());
        controls.smoothness.valueProperty().addListener(o -> update());
        controls.fromLayer.selectedProperty().addListener(o -> update());
        controls.layer.valueProperty().addListener(o -> update());
        HBox top = new HBox(16, input, spectrum);
        HBox crops = new HBox(16, strided, fixed, diffStride);
        getChildren().addAll(controls, source, top, crops);
    }

    /** The image to inspect, channels {@code [3][H][W]} in 0..1. */
    public void setImage(float[][][] rgb, String caption) {
        this.image = rgb;
        input.title().setText(caption == null ? "input" : caption);
        update();
    }

    /** The latest learned strides (from a training run) and the run's smoothness R. */
    public void setLearnedStrides(List<PoolingState> layers, double smoothness) {
        this.layers = List.copyOf(layers);
        this.learnedSmoothness = smoothness;
        controls.offerLayers(layers);
        if (controls.fromLayer.isSelected()) {
            update();
        }
    }

    /** Sets the playground sliders (and selects them as the source). */
    public void setSliders(double strideHeight, double strideWidth, double smoothness) {
        controls.fromSliders.setSelected(true);
        controls.linked.setSelected(strideHeight == strideWidth);
        controls.strideHeight.setValue(strideHeight);
        controls.strideWidth.setValue(strideWidth);
        controls.smoothness.setValue(smoothness);
        update();
    }

    /** What is shown now, or null before an image is set. */
    public SpectralPreview preview() {
        return preview;
    }

    private void update() {
        if (image == null || updating) {
            return;
        }
        updating = true;
        try {
            show();
        } finally {
            updating = false;
        }
    }

    private void show() {
        double sh = controls.strideHeight.getValue();
        double sw = controls.strideWidth.getValue();
        double r = controls.smoothness.getValue();
        PoolingState layer = chosenLayer();
        if (controls.fromLayer.isSelected() && layer != null) {
            sh = layer.strideHeight();
            sw = layer.strideWidth();
            r = learnedSmoothness;
            controls.strideHeight.setValue(sh);
            controls.strideWidth.setValue(sw);
            controls.smoothness.setValue(r);
            source.setText(String.format(Locale.ROOT, "Strides of layer %s as learned so far (it sees a %d\u00d7%d map; "
                    + "here they are applied to the %d\u00d7%d image).", layer.name(), layer.inputHeight(),
                    layer.inputWidth(), image[0].length, image[0][0].length));
        } else {
            source.setText("Drag the sliders: any real stride \u2265 1 works for the spectral methods; strided "
                    + "subsampling rounds it to an integer.");
        }
        preview = SpectralPreview.of(image, sh, sw, r);
        input.show(Raster.ofChannels(image), image[0].length + "\u00d7" + image[0][0].length);
        overlay.setMasks(preview.diffMask(), preview.fixedMask());
        double[] range = preview.spectrumRange();
        spectrum.show(Raster.ofValues(preview.spectrum(), range[0], range[1], Colormap.INFERNO),
                "dark: removed by DiffStride; dashed: fixed crop");
        strided.show(Raster.ofChannels(preview.strided().image()), caption(preview.strided(), "x[::%d, ::%d]",
                true));
        fixed.show(Raster.ofChannels(preview.fixed().image()), caption(preview.fixed(), "S (%.2f, %.2f)", false));
        diffStride.show(Raster.ofChannels(preview.diffStride().image()),
                caption(preview.diffStride(), "S (%.2f, %.2f), R " + fmt(r), false));
    }

    private static String caption(CropResult c, String how, boolean integers) {
        String strides = integers ? String.format(Locale.ROOT, how, (int) c.strideHeight(), (int) c.strideWidth())
                : String.format(Locale.ROOT, how, c.strideHeight(), c.strideWidth());
        return c.height() + "\u00d7" + c.width() + "   " + strides;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private PoolingState chosenLayer() {
        String name = controls.layer.getValue();
        for (PoolingState s : layers) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
