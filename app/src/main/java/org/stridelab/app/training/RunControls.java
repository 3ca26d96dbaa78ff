package org.stridelab.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;

/**
 * Start, Pause, Resume, Step, Stop (and Continue for a reopened run), enabled
 * by the session state, with debugger-style shortcuts: F5 start or resume,
 * F6 pause, F10 one step, Shift+F5 stop.
 */
public final class RunControls extends FlowPane {
    public final Button start = button("Start", "startButton", "Start a new run with this configuration (F5)");
    public final Button pause = button("Pause", "pauseButton", "Pause after the current step (F6)");
    public final Button resume = button("Resume", "resumeButton", "Resume training (F5)");
    public final Button step = button("Step", "stepButton", "Train exactly one more batch, then pause (F10)");
    public final Button stop = button("Stop", "stopButton",
            "Stop at the next step boundary; a checkpoint is saved and the run can be continued (Shift+F5)");
    public final Button continueRun = button("Continue run", "continueButton",
            "Continue the reopened run from its last checkpoint");

    /**
     * @param state          the session state
     * @param configValid    whether the form holds a configuration that can run
     * @param canContinue    whether a reopened run can be continued
     */
    public RunControls(ObjectProperty<SessionState> state, ObservableBooleanValue configValid,
                       ObservableBooleanValue canContinue) {
        getStyleClass().add("run-controls");
        setHgap(6);
        setVgap(6);
        start.getStyleClass().add("primary");
        BooleanBinding idle = Bindings.createBooleanBinding(() -> state.get() == SessionState.IDLE, state);
        BooleanBinding running = Bindings.createBooleanBinding(
                () -> state.get() == SessionState.RUNNING || state.get() == SessionState.PREPARING, state);
        BooleanBinding paused = Bindings.createBooleanBinding(() -> state.get() == SessionState.PAUSED, state);
        start.disableProperty().bind(idle.and(configValid).not());
        pause.disableProperty().bind(running.not());
        resume.disableProperty().bind(paused.not());
        step.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get() == SessionState.RUNNING || state.get() == SessionState.PAUSED, state).not());
        stop.disableProperty().bind(running.or(paused).not());
        continueRun.disableProperty().bind(idle.and(canContinue).not());
        getChildren().addAll(start, pause, resume, step, stop, continueRun);
    }

    /** Installs the shortcuts on the scene; a shortcut does nothing while its button is disabled. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (!resume.isDisabled()) {
                resume.fire();
            } else {
                start.fire();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), pause::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F10), step::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), stop::fire);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
