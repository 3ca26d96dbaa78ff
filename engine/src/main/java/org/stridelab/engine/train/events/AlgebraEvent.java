package org.stridelab.engine.train.events;

import java.util.List;

/**
 * The learned algebras of a PHC network: for each hypercomplex convolution, its
 * matrices A_i (n x n each), copied off ND4J memory. Published at the start and
 * then every few steps, so the lab can show how each layer learned its own algebra.
 */
public record AlgebraEvent(String runId, long globalStep, List<Layer> layers) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.algebra(context, this);
    }


    /** {@code matrices[i][a][b] = A[i, a, b]}. */
    public record Layer(String name, float[][][] matrices) {
    }
}
