package org.stridelab.visualisations.charts;

import java.util.Arrays;

/**
 * An append-only list of (x, y) points in primitive arrays: the full history of
 * one curve, kept outside the chart so that the chart only ever holds a
 * decimated copy (100k steps of loss would otherwise be 100k chart items).
 */
public final class GrowingSeries {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public void clear() {
        size = 0;
    }

    /** The last x, or NaN when empty. */
    public double lastX() {
        return size == 0 ? Double.NaN : xs[size - 1];
    }
}
