package org.stridelab.engine.cli;

import org.stridelab.engine.train.events.LiveChangeEvent;

import java.io.PrintStream;
import java.util.Locale;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.LifecycleEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
import org.stridelab.engine.train.events.TrainingListener;

/**
 * Training progress on the terminal: a redrawn bar with loss, images per
 * second and ETA when attached to a terminal, plain lines otherwise (logs, CI).
 * Synchronized: stall warnings arrive from the watchdog's thread.
 */
final class ConsoleProgress implements TrainingListener {
    private static final int BAR = 28;

    private final PrintStream out;
    private final int epochs;
    private final boolean terminal = System.console() != null;
    private double smoothedLoss = Double.NaN;
    private double smoothedRate = Double.NaN;
    private double smoothedStepSeconds = Double.NaN;
    private double lastElapsed;
    private String stridesText = "";
    private long lastPrint;
    private boolean failed;
    private int lastDownloadPercent = -1;

    ConsoleProgress(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public synchronized void onStep(StepEvent e) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? e.loss() : 0.9 * smoothedLoss + 0.1 * e.loss();
        smoothedRate = Double.isNaN(smoothedRate) ? e.imagesPerSecond() : 0.9 * smoothedRate + 0.1 * e.imagesPerSecond();
        double stepSeconds = e.elapsedSeconds() - lastElapsed;
        lastElapsed = e.elapsedSeconds();
        if (stepSeconds > 0) {
            smoothedStepSeconds = Double.isNaN(smoothedStepSeconds) ? stepSeconds
                    : 0.95 * smoothedStepSeconds + 0.05 * stepSeconds;
        }
        long now = System.nanoTime();
        boolean lastOfEpoch = e.stepInEpoch() + 1 == e.stepsPerEpoch();
        long interval = terminal ? 200_000_000L : 15_000_000_000L;
        if (now - lastPrint < interval && !lastOfEpoch) {
            return;
        }
        lastPrint = now;
        double done = (e.epoch() + (e.stepInEpoch() + 1.0) / e.stepsPerEpoch()) / epochs;
        long remainingSteps = (long) ((epochs - e.epoch()) * (long) e.stepsPerEpoch() - e.stepInEpoch() - 1);
        // Validation passes are not counted: the ETA covers training steps only.
        double eta = Double.isNaN(smoothedStepSeconds) ? 0 : remainingSteps * smoothedStepSeconds;
        int filled = (int) Math.round(done * BAR);
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %5.1f%% loss %.4f | %.0f img/s | ETA %s%s",
                e.epoch() + 1, epochs, "#".repeat(filled), ".".repeat(BAR - filled), 100 * done, smoothedLoss,
                smoothedRate, formatDuration(eta), stridesText);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void onStrides(StridesEvent e) {
        StringBuilder b = new StringBuilder(" | strides");
        e.layers().forEach(s -> b.append(String.format(Locale.ROOT, " %.2f", s.strideHeight())));
        stridesText = b.toString();
    }

    @Override
    public synchronized void onEpoch(EpochEvent e) {
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "epoch %d/%d: train loss %.4f acc %.2f %% | validation loss %.4f acc %.2f %% | %.0f s%n",
                e.epoch() + 1, epochs, e.trainLoss(), 100 * e.trainAccuracy(), e.validationLoss(),
                100 * e.validationAccuracy(), e.epochSeconds());
    }

    @Override
    public synchronized void onLifecycle(LifecycleEvent e) {
        if (terminal) {
            out.println();
        }
        if (e.kind() == LifecycleEvent.Kind.FAILED) {
            failed = true;
            System.err.println("stridelab: run failed: " + e.message());
        } else {
            out.println(e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.message());
        }
    }

    @Override
    public synchronized void onLiveChange(LiveChangeEvent e) {
        if (terminal) {
            out.println();
        }
        out.println((e.replayed() ? "replayed change: " : "changed: ") + e.describe());
    }

    /** Download progress for the CIFAR-10 archive. */
    void download(long done, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100 * done / total);
        if (percent == lastDownloadPercent) {
            return;
        }
        lastDownloadPercent = percent;
        String line = String.format(Locale.ROOT, "downloading CIFAR-10: %3d%% (%.1f of %.1f MB)", percent,
                done / 1e6, total / 1e6);
        if (terminal) {
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else if (percent % 10 == 0) {
            out.println(line);
        }
    }

    static String formatDuration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
