package org.stridelab.engine.train.events;

/** One training step finished: its loss, learning rate, throughput and time. */
public record StepEvent(String runId, int epoch, int stepInEpoch, int stepsPerEpoch, long globalStep,
                        double loss, double learningRate, double imagesPerSecond, double elapsedSeconds) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.step(context, this);
    }

}
