package org.stridelab.app.config;

import javafx.scene.control.TextField;

/** A setting typed as text: numbers, mostly. */
final class TextInput extends ControlInput {
    TextInput(String id) {
        this(new TextField(), id);
    }

    private TextInput(TextField field, String id) {
        super(field, field, field.textProperty());
        field.setId(id);
        field.setPrefColumnCount(8);
    }
}
