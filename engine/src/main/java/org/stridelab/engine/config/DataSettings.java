package org.stridelab.engine.config;

/**
 * What a run trains on and how the batches are made.
 *
 * @param source     cifar10, generated, or a folder or archive in CIFAR-10's binary layout
 * @param trainLimit only the first N training images, 0 = all
 * @param batchSize  images per step
 * @param augment    random crop and horizontal flip
 * @param mixupAlpha mixup's Beta(alpha, alpha), 0 = off
 */
public record DataSettings(String source, int trainLimit, int batchSize, boolean augment, double mixupAlpha) {
}
