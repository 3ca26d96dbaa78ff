package org.stridelab.app.config;

import javafx.scene.control.TextField;

/** A setting typed as text: numbers, mostly. */
final class TextInput extends ControlInput {
    private final TextField field;

    TextInput(String id) {
        this(new TextField(), id);
    }

    private TextInput(TextField field, String id) {
        super(field, field);
        this.field = field;
        field.setId(id);
        field.setPrefColumnCount(8);
    }

    @Override
    public String text() {
        return field.getText();
    }

    @Override
    public void show(String text) {
        field.setText(text);
    }

    @Override
    public void onEdit(Runnable edited) {
        field.textProperty().addListener(o -> edited.run());
    }
}
