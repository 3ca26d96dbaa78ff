package org.stridelab.visualisations.charts;

/** The learning rate each step used, per run: shows the schedule (cosine, steps) the loss responds to. */
public final class LearningRateChart extends LiveXYChart {

    public LearningRateChart() {
        super("step", "learning rate");
        setNoDataMessage("The learning-rate schedule appears once a run starts.");
        plainValueNumbers(4);
        valueAxisFromZero();
    }

    public void addRun(RunLabel run) {
        addLine(run.key() + "/lr", run.legend(), new Look(() -> RunPalette.awt(run.colourIndex()), 1.5f, false, false));
    }

    public void addLearningRate(String runKey, long step, double learningRate) {
        append(runKey + "/lr", step, learningRate);
    }

    public void removeRun(String runKey) {
        removeLines(runKey + "/");
    }
}
