package org.stridelab.engine.train.events;

/** One epoch finished: training and validation accuracy and loss (accuracies in 0..1). */
public record EpochEvent(String runId, int epoch, long globalStep, double trainLoss, double trainAccuracy,
                         double validationLoss, double validationAccuracy, double epochSeconds) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.epoch(context, this);
    }

}
