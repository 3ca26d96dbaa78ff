package org.stridelab.engine.train;

/** Mean loss and accuracy (0..1) of a network over a set of images. */
public record Evaluation(double loss, double accuracy, int images) {
}
