package org.stridelab.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.stridelab.engine.nn.Parameter;

/**
 * Applies ND4J's updaters to the network's parameters: SGD with (Nesterov)
 * momentum 0.9 or Adam, with L2 weight decay added to the gradient of the
 * parameters that take it (not batch-norm parameters, biases or strides), and a
 * per-parameter learning-rate multiplier (used for the strides).
 */
public final class Optimizer {
    public enum Kind { SGD, ADAM }

    private final List<Parameter> parameters;
    private final double weightDecay;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Map<String, INDArray> states = new LinkedHashMap<>();

    public Optimizer(Kind kind, LearningRateSchedule schedule, double momentum, double weightDecay,
                     List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.weightDecay = weightDecay;
        for (Parameter p : this.parameters) {
            IUpdater config = kind == Kind.SGD ? new Nesterovs(schedule, momentum) : new Adam(schedule);
            long stateSize = config.stateSize(p.size());
            INDArray state = Nd4j.createUninitializedDetached(p.value().dataType(), 1, stateSize).assign(0);
            updaters.put(p.name(), config.instantiate(state, true));
            states.put(p.name(), state);
        }
    }

    /** Updates every parameter from its accumulated gradient, then zeroes the gradients. */
    public void step(long globalStep, int epoch) {
        for (Parameter p : parameters) {
            INDArray grad = p.grad().reshape(1, p.size());
            if (weightDecay > 0 && p.weightDecay()) {
                grad.addi(p.value().reshape(1, p.size()).mul(weightDecay));
            }
            // ND4J updaters turn the gradient, in place, into the step to subtract.
            updaters.get(p.name()).applyUpdater(grad, (int) globalStep, epoch);
            if (p.learningRateMultiplier() != 1.0) {
                grad.muli(p.learningRateMultiplier());
            }
            p.value().subi(p.grad());
            p.zeroGrad();
        }
    }

    /** Momentum or Adam moments per parameter name, for checkpoints (live views: copy before keeping). */
    public Map<String, INDArray> state() {
        return states;
    }

    /** Restores saved state; every parameter must be present with the same size. */
    public void restore(Map<String, INDArray> saved) {
        for (var e : states.entrySet()) {
            INDArray s = saved.get(e.getKey());
            if (s == null || s.length() != e.getValue().length()) {
                throw new IllegalStateException("checkpoint has no optimiser state for " + e.getKey()
                        + " of the expected size: it was written by a different network");
            }
            e.getValue().assign(s.reshape(e.getValue().shape()));
        }
    }
}
