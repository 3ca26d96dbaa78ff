package org.stridelab.app.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.scene.control.ComboBox;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;
import org.stridelab.visualisations.charts.AccuracyChart;
import org.stridelab.visualisations.charts.LossChart;
import org.stridelab.visualisations.charts.RunLabel;
import org.stridelab.visualisations.strides.StrideHistoryChart;

/**
 * The ticked runs' curves in the Compare tab's charts, each run in its own
 * colour: loss and validation accuracy for all, and the strides of one
 * chosen layer (one layer at a time: four layers of several runs in one
 * chart would be a tangle). A run read again (refresh) keeps its colour.
 */
final class CompareCurves {
    private record Shown(RunLabel label, CompareLoader.LoadedRun run) {
    }

    private final LossChart loss;
    private final AccuracyChart accuracy;
    private final StrideHistoryChart strides;
    private final ComboBox<String> layer;
    private final Map<Path, Shown> shown = new LinkedHashMap<>();
    private int added;

    CompareCurves(LossChart loss, AccuracyChart accuracy, StrideHistoryChart strides, ComboBox<String> layer) {
        this.loss = loss;
        this.accuracy = accuracy;
        this.strides = strides;
        this.layer = layer;
        layer.valueProperty().addListener((o, a, b) -> redrawStrides());
    }

    /** Draws a run (or replaces its curves with a fresher reading, in the same colour). */
    void show(CompareLoader.LoadedRun run, String legend) {
        Shown before = shown.get(run.path());
        RunLabel label;
        if (before != null) {
            label = before.label();
            remove(label);
        } else {
            label = new RunLabel("compare-" + added, legend, added);
            added++;
        }
        shown.put(run.path(), new Shown(label, run));
        loss.addRun(label);
        accuracy.addRun(label);
        for (StepEvent s : run.events().steps()) {
            loss.addLoss(label.key(), s.globalStep(), s.loss());
        }
        for (EpochEvent e : run.events().epochs()) {
            accuracy.addAccuracy(label.key(), e.epoch() + 1, e.validationAccuracy());
        }
        String layerBefore = layer.getValue();
        updateLayers();
        if (Objects.equals(layerBefore, layer.getValue())) {
            drawStrides(shown.get(run.path())); // else the layer listener has just redrawn every run
        }
        redraw();
    }

    void remove(Path path) {
        Shown s = shown.remove(path);
        if (s != null) {
            remove(s.label());
            updateLayers();
            redraw();
        }
    }

    boolean isShown(Path path) {
        return shown.containsKey(path);
    }

    /** The shown runs that had not finished when they were read (a refresh reads those again). */
    Set<Path> unfinishedPaths() {
        Set<Path> out = new LinkedHashSet<>();
        shown.forEach((path, s) -> {
            if (!s.run().finished()) {
                out.add(path);
            }
        });
        return out;
    }

    /** The chart key of a shown run, or null (for tests). */
    String key(Path path) {
        Shown s = shown.get(path);
        return s == null ? null : s.label().key();
    }

    private void remove(RunLabel label) {
        loss.removeRun(label.key());
        accuracy.removeRun(label.key());
        strides.removeRun(label.key());
    }

    /** The layer choices: every spectral layer any shown run logged, in network order. */
    private void updateLayers() {
        Set<String> names = new LinkedHashSet<>();
        for (Shown s : shown.values()) {
            List<StridesEvent> events = s.run().events().strides();
            if (!events.isEmpty()) {
                events.get(events.size() - 1).layers().forEach(l -> names.add(l.name()));
            }
        }
        List<String> list = new ArrayList<>(names);
        if (!list.equals(layer.getItems())) {
            String chosen = layer.getValue();
            layer.getItems().setAll(list);
            // stage 2 is where the paper's bad initialisation differs; a good first look
            layer.setValue(list.contains(chosen) ? chosen : list.contains("stage2") ? "stage2"
                    : list.isEmpty() ? null : list.get(0));
        }
    }

    private void redrawStrides() {
        strides.clear();
        for (Shown s : shown.values()) {
            drawStrides(s);
        }
        strides.refreshNow();
    }

    private void drawStrides(Shown s) {
        String name = layer.getValue();
        if (name == null) {
            return;
        }
        for (StridesEvent e : s.run().events().strides()) {
            for (PoolingState p : e.layers()) {
                if (p.name().equals(name)) {
                    strides.addRunStrides(s.label(), e.globalStep(), p);
                }
            }
        }
    }

    private void redraw() {
        loss.refreshNow();
        accuracy.refreshNow();
        strides.refreshNow();
    }
}
