package org.stridelab.app.training;

import java.util.Locale;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * Prints the training throughput per epoch to standard output, in the same
 * terms as the command line ({@code images/s}), so that the app's speed can be
 * compared with a headless run of the same configuration (the JavaFX-thread
 * slowdown pitfall). The first steps of a run are excluded: they include JIT,
 * oneDNN kernel generation and workspace learning.
 */
final class ThroughputLog implements TrainingListener {
    private static final int WARMUP_STEPS = 5;

    private final RunConfig config;
    private long images;
    private double seconds;
    private double lastElapsed = Double.NaN;
    private int stepsSeen;

    ThroughputLog(RunConfig config) {
        this.config = config;
    }

    @Override
    public void onStep(StepEvent e) {
        stepsSeen++;
        if (!Double.isNaN(lastElapsed) && stepsSeen > WARMUP_STEPS) {
            seconds += e.elapsedSeconds() - lastElapsed;
            images += config.data().batchSize();
        }
        lastElapsed = e.elapsedSeconds();
    }

    @Override
    public void onEpoch(EpochEvent e) {
        if (seconds > 0) {
            System.out.printf(Locale.ROOT, "[stridelab] %s epoch %d: %.1f images/s over %d images (training steps, "
                    + "thread '%s')%n", config.label(), e.epoch() + 1, images / seconds, images,
                    Thread.currentThread().getName());
        }
        lastElapsed = Double.NaN; // the validation pass is not training time
        images = 0;
        seconds = 0;
    }
}
