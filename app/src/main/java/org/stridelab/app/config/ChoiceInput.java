package org.stridelab.app.config;

import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** A setting with a few values (method, optimiser, PHC order): a drop-down of their texts. */
final class ChoiceInput extends ControlInput {
    /**
     * @param choices the values as their setting writes them
     * @param display how a value is shown ("0" as "off", say); the value itself stays the setting's text
     */
    ChoiceInput(String id, List<String> choices, UnaryOperator<String> display) {
        this(new ComboBox<>(), id, choices, display);
    }

    private ChoiceInput(ComboBox<String> box, String id, List<String> choices, UnaryOperator<String> display) {
        super(box, box, box.valueProperty());
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
}
