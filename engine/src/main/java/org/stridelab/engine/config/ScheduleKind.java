package org.stridelab.engine.config;

/** How the learning rate moves over a run: constant, stepped down every few epochs, or a cosine to zero. */
public enum ScheduleKind { CONSTANT, STEP, COSINE }
