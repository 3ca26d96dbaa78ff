package org.stridelab.visualisations.progress;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Epoch, step, throughput, time left and cost of the current run, as numbers
 * with a progress bar: the figures a user checks before deciding whether a
 * run is worth waiting for.
 */
public final class RunProgressView extends GridPane {
    private final Label epoch = value("progressEpoch");
    private final Label step = value("progressStep");
    private final Label rate = value("progressRate");
    private final Label eta = value("progressEta");
    private final Label cost = value("progressCost");
    private final Label params = value("progressParams");
    private final ProgressBar bar = new ProgressBar(0);

    public RunProgressView() {
        getStyleClass().add("run-progress");
        setHgap(10);
        setVgap(3);
        bar.setId("progressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(bar, Priority.ALWAYS);
        add(bar, 0, 0, 4, 1);
        pair(1, 0, "epoch", epoch);
        pair(1, 2, "step", step);
        pair(2, 0, "images/s", rate);
        pair(2, 2, "ETA", eta);
        pair(3, 0, "mult-adds/img", cost);
        pair(3, 2, "parameters", params);
        show(ProgressSnapshot.NONE);
    }

    public void show(ProgressSnapshot p) {
        bar.setProgress(p.fraction());
        epoch.setText(p.epochs() == 0 ? "-" : p.epoch() + " / " + p.epochs());
        step.setText(p.totalSteps() == 0 ? "-" : String.format(Locale.ROOT, "%,d / %,d", p.step(), p.totalSteps()));
        rate.setText(Double.isFinite(p.imagesPerSecond()) ? String.format(Locale.ROOT, "%,.0f", p.imagesPerSecond())
                : "-");
        eta.setText(duration(p.etaSeconds()));
        cost.setText(p.multiplyAdds() <= 0 ? "-" : String.format(Locale.ROOT, "%.1f M", p.multiplyAdds() / 1e6));
        params.setText(p.parameters() <= 0 ? "-" : String.format(Locale.ROOT, "%,d", p.parameters()));
    }

    /** h:mm:ss, or "-" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void pair(int row, int col, String name, Label v) {
        Label n = new Label(name);
        n.getStyleClass().add("muted");
        add(n, col, row);
        add(v, col + 1, row);
    }

    private static Label value(String id) {
        Label l = new Label("-");
        l.setId(id);
        l.getStyleClass().add("number");
        return l;
    }
}
