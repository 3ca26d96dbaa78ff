package org.stridelab.app.config;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;

/**
 * One setting's input in the run form: the node placed in the form's row,
 * the controls a problem outlines, and the setting's value as text (the
 * text the setting's own type parses).
 */
interface SettingInput {

    Node node();

    List<? extends Control> controls();

    String text();

    void show(String text);

    /** Calls {@code edited} after every change the user makes. */
    void onEdit(Runnable edited);

    /** Whether {@code control} is the one to outline for a problem of this setting; all of them by default. */
    default boolean blames(Control control) {
        return true;
    }
}
