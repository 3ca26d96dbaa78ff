package org.stridelab.visualisations.charts;

/**
 * How a run appears in every chart: a unique key, the legend text (method and
 * strides, e.g. "diffstride (2,2,2)") and the index of its palette colour.
 */
public record RunLabel(String key, String legend, int colourIndex) {
}
