package org.stridelab.visualisations.raster;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Draws a {@link Raster} crisply, one square block per pixel, on a Canvas.
 *
 * <p>Why not an ImageView: on the software pipeline {@code setSmooth(false)}
 * still blurs when scaling up, and a blurred 32x32 image hides exactly the
 * aliasing the lab wants to show. The canvas draws the raster at its native
 * size into a WritableImage and scales it with image smoothing off.
 *
 * <p>Two sizing modes: a fixed integer scale (so that different output sizes
 * show up as different sizes on screen), or fit-to-region with the largest
 * integer scale that fits (so that blocks stay square and equal).
 */
public class RasterView extends Region {
    /** Draws on top of the raster; coordinates are in raster pixels through {@link Geometry}. */
    @FunctionalInterface
    public interface Overlay {
        void draw(GraphicsContext gc, Geometry geometry);
    }

    /** Where the raster landed on the canvas: origin and size of one raster pixel. */
    public record Geometry(double x0, double y0, double scale, int width, int height) {
        public double x(double rasterX) {
            return x0 + rasterX * scale;
        }

        public double y(double rasterY) {
            return y0 + rasterY * scale;
        }
    }

    private final Canvas canvas = new Canvas();
    private Raster raster;
    private WritableImage image;
    private int fixedScale;
    private Overlay overlay;
    private Geometry geometry;

    /** Fit mode: the largest integer scale that fits the region. */
    public RasterView() {
        this(0);
    }

    /** @param fixedScale screen pixels per raster pixel; 0 to fit the region instead */
    public RasterView(int fixedScale) {
        this.fixedScale = fixedScale;
        getChildren().add(canvas);
        getStyleClass().add("raster-view");
    }

    public void setRaster(Raster raster) {
        this.raster = raster;
        if (raster != null) {
            if (image == null || (int) image.getWidth() != raster.width() || (int) image.getHeight() != raster.height()) {
                image = new WritableImage(raster.width(), raster.height());
            }
            image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
                    raster.argb(), 0, raster.width());
        }
        if (fixedScale > 0) {
            requestLayout();
        }
        redraw();
    }

    public Raster getRaster() {
        return raster;
    }

    public void setOverlay(Overlay overlay) {
        this.overlay = overlay;
        redraw();
    }

    public void setFixedScale(int scale) {
        this.fixedScale = scale;
        requestLayout();
        redraw();
    }

    /** Where the last drawing put the raster (null before anything was drawn). */
    public Geometry geometry() {
        return geometry;
    }

    @Override
    protected double computePrefWidth(double height) {
        return fixedScale > 0 && raster != null ? raster.width() * fixedScale + insets() : 64;
    }

    @Override
    protected double computePrefHeight(double width) {
        return fixedScale > 0 && raster != null ? raster.height() * fixedScale + insets() : 64;
    }

    @Override
    protected double computeMinWidth(double height) {
        return fixedScale > 0 ? computePrefWidth(height) : 16;
    }

    @Override
    protected double computeMinHeight(double width) {
        return fixedScale > 0 ? computePrefHeight(width) : 16;
    }

    private double insets() {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
        }
        redraw();
    }

    /** Draws again (for overlays whose inputs changed). */
    public final void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        if (raster == null || w <= 0 || h <= 0) {
            geometry = null;
            return;
        }
        double scale = fixedScale > 0 ? fixedScale
                : Math.max(1, Math.floor(Math.min(w / raster.width(), h / raster.height())));
        if (fixedScale <= 0 && Math.min(w / raster.width(), h / raster.height()) < 1) {
            scale = Math.min(w / raster.width(), h / raster.height());
        }
        double dw = raster.width() * scale;
        double dh = raster.height() * scale;
        double x0 = Math.floor((w - dw) / 2);
        double y0 = Math.floor((h - dh) / 2);
        gc.setImageSmoothing(false);
        gc.drawImage(image, x0, y0, dw, dh);
        gc.setStroke(Color.gray(0.55));
        gc.setLineWidth(1);
        gc.strokeRect(x0 - 0.5, y0 - 0.5, dw + 1, dh + 1);
        geometry = new Geometry(x0, y0, scale, raster.width(), raster.height());
        if (overlay != null) {
            gc.save();
            overlay.draw(gc, geometry);
            gc.restore();
        }
    }
}
