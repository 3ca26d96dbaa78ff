package org.stridelab.app.phc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.stridelab.app.config.ConfigDraft;
import org.stridelab.engine.model.ModelConfig;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.visualisations.progress.ParameterComparison;

/**
 * Keeps the "real vs PHC" parameter counts of the run form's configuration
 * up to date. The engine counts parameters by building the network (about a
 * second at full width), so the count runs on a background thread, only after
 * the form has been still for a moment (typing "0.25" is not three networks),
 * and only when the network's shape changed.
 */
public final class ParameterCounter {
    private static final Duration DEBOUNCE = Duration.millis(400);
    /** Counts by network shape, shared by all windows (tests open many): a shape's count never changes. */
    private static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();
    private static final ExecutorService COUNTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stridelab-parameter-count");
        t.setDaemon(true);
        return t;
    });

    private final ParameterComparison view;
    private final PauseTransition quiet = new PauseTransition(DEBOUNCE);
    private ModelConfig pending;
    private String shown;
    private long generation;

    public ParameterCounter(ParameterComparison view, ObservableValue<ConfigDraft.Result> form) {
        this.view = view;
        quiet.setOnFinished(e -> count());
        form.addListener((o, a, b) -> changed(b));
        changed(form.getValue());
    }

    private void changed(ConfigDraft.Result r) {
        if (r == null || !r.valid()) {
            quiet.stop();
            pending = null;
            shown = null;
            generation++; // a count still running for an older form must not overwrite this
            view.showUnknown("the counts appear once the run form is valid");
            return;
        }
        ModelConfig model = r.config().modelConfig();
        if (shape(model).equals(shown) && pending == null) {
            return; // e.g. the seed or the learning rate changed: same network, same counts
        }
        pending = model;
        quiet.playFromStart();
    }

    private void count() {
        ModelConfig model = pending;
        pending = null;
        if (model == null || shape(model).equals(shown)) {
            return;
        }
        long ticket = ++generation;
        int n = model.phc() >= 2 ? model.phc() : 0;
        view.showPending();
        COUNTER.submit(() -> {
            try {
                long real = count(model.withPhc(0));
                long phc = n == 0 ? real : count(model);
                Platform.runLater(() -> {
                    if (ticket == generation) {
                        view.show(real, phc, n);
                        shown = shape(model);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (ticket == generation) {
                        view.showUnknown("cannot count the parameters: " + e.getMessage());
                    }
                });
            }
        });
    }

    /** Builds the network once per shape (on the counting thread) and asks it. */
    private static long count(ModelConfig model) {
        return COUNTS.computeIfAbsent(shape(model), k -> new ResNet18(model).parameterCount());
    }

    /**
     * What the parameter count depends on. Stride values and seeds do not change any weight's shape (a stride
     * is one learned number per layer and axis whatever its value), so editing them builds nothing.
     */
    private static String shape(ModelConfig m) {
        return m.method() + " width " + m.width() + " phc " + m.phc() + " shared " + m.diffStride().sharedStride() + " classes "
                + m.classes();
    }
}
