package org.stridelab.engine.config;

/**
 * How long a run trains and how its learning rate and checkpoints are paced.
 *
 * @param schedule             constant, step or cosine
 * @param epochs               passes over the training images
 * @param stepEpochs           step schedule: epochs between decays
 * @param stepGamma            step schedule: the decay factor
 * @param patience             early stopping after this many epochs without a better validation accuracy, 0 = off
 * @param checkpointEverySteps a checkpoint every N steps as well as each epoch, 0 = per epoch only
 */
public record ScheduleSettings(ScheduleKind schedule, int epochs, int stepEpochs, double stepGamma, int patience,
                               int checkpointEverySteps) {
}
