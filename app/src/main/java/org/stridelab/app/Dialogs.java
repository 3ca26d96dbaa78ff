package org.stridelab.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Small helpers for the lab's message boxes. */
final class Dialogs {
    private Dialogs() {
    }

    /** Shows an error without blocking (the lab keeps drawing and training). */
    static void error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setHeaderText(header);
        a.setContentText(message);
        a.show();
    }
}
