package org.stridelab.engine.train;

/** What the training thread is doing, as the stall watchdog names it to the user. */
public enum TrainingPhase {
    /** Between steps: paused, or waiting for a command; never a stall. */
    WAITING("waiting between steps"),
    DATA("waiting for the next batch from the data loader"),
    FORWARD("in the forward pass"),
    BACKWARD("in the backward pass"),
    UPDATE("in the optimiser update"),
    REPORTING("passing the step's figures to the views and logs"),
    CHECKPOINT("writing a checkpoint"),
    EVALUATION("evaluating on the validation or test set");

    private final String description;

    TrainingPhase(String description) {
        this.description = description;
    }

    /** Words for a message: "the step has been {description} for 3m10s". */
    public String description() {
        return description;
    }
}
