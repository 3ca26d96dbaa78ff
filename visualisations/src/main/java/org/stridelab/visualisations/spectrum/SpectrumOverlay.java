package org.stridelab.visualisations.spectrum;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.stridelab.visualisations.raster.RasterView;

/**
 * Draws over a centred spectrum what a pooling keeps: bins DiffStride removes
 * are darkened (partly, on its ramp), and fixed spectral pooling's hard crop is
 * outlined dashed. Both masks are on the full centred plane.
 */
final class SpectrumOverlay implements RasterView.Overlay {
    private double[][] diffMask;
    private double[][] fixedMask;

    void setMasks(double[][] diffMask, double[][] fixedMask) {
        this.diffMask = diffMask;
        this.fixedMask = fixedMask;
    }

    @Override
    public void draw(GraphicsContext gc, RasterView.Geometry g) {
        if (diffMask == null) {
            return;
        }
        for (int y = 0; y < diffMask.length; y++) {
            for (int x = 0; x < diffMask[0].length; x++) {
                double removed = 1 - diffMask[y][x];
                if (removed > 0) {
                    gc.setFill(Color.rgb(0, 0, 0, 0.72 * removed));
                    gc.fillRect(g.x(x), g.y(y), g.scale(), g.scale());
                }
            }
        }
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = 0; y < fixedMask.length; y++) {
            for (int x = 0; x < fixedMask[0].length; x++) {
                if (fixedMask[y][x] > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom >= 0) {
            gc.setStroke(Color.web("#00e5ff"));
            gc.setLineWidth(1.5);
            gc.setLineDashes(5, 4);
            gc.strokeRect(g.x(left), g.y(top), (right - left + 1) * g.scale(), (bottom - top + 1) * g.scale());
        }
    }
}
