package org.stridelab.engine.experiment;

import java.util.List;

/**
 * What the shift probe found (saved as a cell's shift-consistency.json).
 *
 * @param mode        how uncovered pixels were filled
 * @param images      test images probed
 * @param distances   shift distances in pixels
 * @param consistency per distance: the fraction of (image, direction) pairs whose predicted class
 *                    did not change; the directions are right, left, down and up
 * @param mean        mean of {@code consistency} over the distances (what tables show)
 * @param accuracy    accuracy of the unshifted predictions on the probed images
 */
public record ShiftConsistencyResult(ShiftMode mode, int images, List<Integer> distances, List<Double> consistency,
                                     double mean, double accuracy) {

    public ShiftConsistencyResult {
        distances = List.copyOf(distances);
        consistency = List.copyOf(consistency);
    }

    /** The consistency at one distance, NaN if it was not probed. */
    public double at(int distance) {
        int i = distances.indexOf(distance);
        return i < 0 ? Double.NaN : consistency.get(i);
    }
}
