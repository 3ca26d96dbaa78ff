package org.stridelab.app.config;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;

/** The data source: generated, cifar10, or a typed or chosen path. */
final class DataInput extends ControlInput {
    private final ComboBox<String> box;
    private final HBox row;

    DataInput(String id) {
        this(new ComboBox<>(), new HBox(4), id);
    }

    private DataInput(ComboBox<String> box, HBox row, String id) {
        super(row, box, box.getEditor().textProperty());
        this.box = box;
        this.row = row;
        box.setId(id);
        box.setEditable(true);
        box.getItems().setAll("generated", "cifar10");
        box.setMaxWidth(Double.MAX_VALUE);
        Button browse = new Button("\u2026");
        browse.setTooltip(new Tooltip("A CIFAR-format folder or .tar.gz archive"));
        browse.setOnAction(e -> choose());
        row.getChildren().setAll(box, browse);
        HBox.setHgrow(box, Priority.ALWAYS);
    }

    @Override
    public void show(String text) {
        box.setValue(text);
        box.getEditor().setText(text);
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("CIFAR-format dataset folder");
        File dir = chooser.showDialog(row.getScene() == null ? null : row.getScene().getWindow());
        if (dir != null) {
            show(dir.getAbsolutePath());
        }
    }
}
