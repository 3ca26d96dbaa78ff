package org.stridelab.app.config;

import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** A setting with a few values (method, optimiser, PHC order): a drop-down of their texts. */
final class ChoiceInput extends ControlInput {
    private final ComboBox<String> box;

    /**
     * @param choices the values as their setting writes them
     * @param display how a value is shown ("0" as "off", say); the value itself stays the setting's text
     */
    ChoiceInput(String id, List<String> choices, UnaryOperator<String> display) {
        this(new ComboBox<>(), id, choices, display);
    }

    private ChoiceInput(ComboBox<String> box, String id, List<String> choices, UnaryOperator<String> display) {
        super(box, box);
        this.box = box;
        box.setId(id);
        box.getItems().setAll(choices);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : display.apply(value);
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        });
    }

    @Override
    public String text() {
        return box.getValue() == null ? "" : box.getValue();
    }

    @Override
    public void show(String text) {
        box.setValue(text);
    }

    @Override
    public void onEdit(Runnable edited) {
        box.valueProperty().addListener(o -> edited.run());
    }
}
