package org.stridelab.app.config;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;

/** An input with one control to outline, shown in its row as {@code node} (the control, or a box holding it). */
abstract class ControlInput implements SettingInput {
    private final Node node;
    private final Control control;

    ControlInput(Node node, Control control) {
        this.node = node;
        this.control = control;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public List<? extends Control> controls() {
        return List.of(control);
    }
}
