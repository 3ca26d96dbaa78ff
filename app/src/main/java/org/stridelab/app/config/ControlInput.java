package org.stridelab.app.config;

import java.util.List;
import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.Control;

/**
 * An input with one control to outline, shown in its row as {@code node} (the
 * control, or a box holding it), whose text is one property of the control.
 */
abstract class ControlInput implements SettingInput {
    private final Node node;
    private final Control control;
    private final Property<String> value;

    ControlInput(Node node, Control control, Property<String> value) {
        this.node = node;
        this.control = control;
        this.value = value;
    }

    @Override
    public String text() {
        return value.getValue() == null ? "" : value.getValue();
    }

    @Override
    public void show(String text) {
        value.setValue(text);
    }

    @Override
    public void onEdit(Runnable edited) {
        value.addListener(o -> edited.run());
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
