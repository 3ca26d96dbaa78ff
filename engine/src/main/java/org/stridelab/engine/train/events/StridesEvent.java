package org.stridelab.engine.train.events;

import java.util.List;
import org.stridelab.engine.spectral.PoolingState;

/** The spectral layers after a step: current strides, sizes and masks, and the network's cost. */
public record StridesEvent(String runId, long globalStep, List<PoolingState> layers, long multiplyAddsPerImage) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.strides(context, this);
    }

}
