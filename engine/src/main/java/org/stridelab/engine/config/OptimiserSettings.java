package org.stridelab.engine.config;

/**
 * How the weights are updated.
 *
 * @param optimizer    SGD (Nesterov momentum) or Adam
 * @param learningRate the base learning rate, before the schedule
 * @param momentum     SGD's momentum
 * @param weightDecay  L2 weight decay (not applied to strides, biases or batch-norm parameters)
 */
public record OptimiserSettings(OptimizerKind optimizer, double learningRate, double momentum, double weightDecay) {
}
