package org.stridelab.engine.config;

/** The optimiser a run trains with: SGD with Nesterov momentum, or Adam. */
public enum OptimizerKind { SGD, ADAM }
