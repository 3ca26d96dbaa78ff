package org.stridelab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Receives the feature maps around each downsampling site during a forward pass
 * (for the lab's feature-map view). Called on the thread running the forward;
 * the array is channels-last ([N, H, W, C]) and only valid during the call: copy
 * what you keep.
 */
@FunctionalInterface
public interface ActivationRecorder {

    /** @param where "before" or "after" the site's downsampling */
    void record(String site, String where, INDArray activation);
}
