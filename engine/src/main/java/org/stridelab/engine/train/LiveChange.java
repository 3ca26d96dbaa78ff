package org.stridelab.engine.train;

import org.stridelab.engine.config.Setting;

/**
 * One hyper-parameter changed while a run trained, as the change log records it.
 *
 * @param step           the first training step (1-based) that uses the new value
 * @param setting        which setting (one of {@link LiveSettings#CHANGEABLE})
 * @param value          its new value
 * @param firstBatchStep the step whose batch is the first to use it: {@code step} for every
 *                       setting but mixup, whose batches the loader prepares ahead of training
 */
public record LiveChange(long step, Setting<Double> setting, double value, long firstBatchStep) {
}
