package org.stridelab.app.export;

import java.util.ArrayList;
import java.util.List;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;

/**
 * A run's per-step and per-epoch numbers as the app received them (or read
 * them back from a run folder), for exporting while the run may still be
 * writing its own files.
 */
public final class RunMetrics {
    private final List<StepEvent> steps = new ArrayList<>();
    private final List<EpochEvent> epochs = new ArrayList<>();

    public void add(StepEvent e) {
        steps.add(e);
    }

    public void add(EpochEvent e) {
        epochs.add(e);
    }

    public List<StepEvent> steps() {
        return steps;
    }

    public List<EpochEvent> epochs() {
        return epochs;
    }
}
