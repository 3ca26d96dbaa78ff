package org.stridelab.app.config;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.StrideRule;

/**
 * The three stage strides as three fields ({@code stride1..3}); a problem
 * outlines only the stages whose value breaks the engine's stride rule for
 * the chosen method (all three when none does, e.g. a missing stage).
 */
final class StridesInput implements SettingInput {
    private final List<TextField> fields = List.of(field("stride1"), field("stride2"), field("stride3"));
    private final HBox box = new HBox(4);
    private final Supplier<DownsamplingMethod> method;

    StridesInput(Supplier<DownsamplingMethod> method) {
        this.method = method;
        box.getChildren().setAll(fields);
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(3);
        HBox.setHgrow(t, Priority.ALWAYS);
        return t;
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public List<? extends Control> controls() {
        return fields;
    }

    @Override
    public String text() {
        return String.join(",", fields.stream().map(TextField::getText).toList());
    }

    @Override
    public void show(String text) {
        String[] parts = text.split(",");
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).setText(i < parts.length ? parts[i].strip() : "");
        }
    }

    @Override
    public void onEdit(Runnable edited) {
        fields.forEach(f -> f.textProperty().addListener(o -> edited.run()));
    }

    @Override
    public boolean blames(Control control) {
        List<TextField> wrong = fields.stream().filter(f -> !allowed(f.getText())).toList();
        return wrong.isEmpty() || wrong.contains(control);
    }

    private boolean allowed(String text) {
        try {
            return StrideRule.allows(method.get(), Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
