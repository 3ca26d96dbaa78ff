package org.stridelab.app.presentation;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Zooms everything inside it together, as a browser does: the content is laid
 * out for a window {@code 1/zoom} the size and drawn {@code zoom} times larger,
 * so fonts, controls, charts and heatmaps grow alike and nothing is clipped.
 * (Pop-ups such as drop-down lists and dialogs are separate windows and keep
 * their size.)
 */
public final class ZoomPane extends Region {
    /** The zoom steps, as a browser offers them. */
    static final double[] STEPS = {0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};

    private final Parent content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);

    public ZoomPane(Parent content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        zoom.addListener((o, a, b) -> {
            scale.setX(b.doubleValue());
            scale.setY(b.doubleValue());
            requestLayout();
        });
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double zoom() {
        return zoom.get();
    }

    /** Sets the zoom, kept within the steps' range. */
    public void setZoom(double z) {
        zoom.set(Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], z)));
    }

    /** The next step up from the current zoom (or the largest). */
    public void zoomIn() {
        for (double s : STEPS) {
            if (s > zoom() + 1e-9) {
                setZoom(s);
                return;
            }
        }
    }

    /** The next step down from the current zoom (or the smallest). */
    public void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom() - 1e-9) {
                setZoom(STEPS[i]);
                return;
            }
        }
    }

    @Override
    protected void layoutChildren() {
        double z = zoom();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    /** The content's own size before the zoom (for tests). */
    Region contentRegion() {
        return content instanceof Region r ? r : null;
    }
}
