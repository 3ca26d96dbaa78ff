package org.stridelab.visualisations.layout;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stridelab.visualisations.notes.TeachingNotes;

/**
 * The frame every view sits in: a title, a row of tools (the app adds export
 * buttons and options there), a "?" toggle that shows the view's teaching note,
 * and the view itself, which takes the remaining space.
 */
public final class ViewPanel extends VBox {
    private final HBox tools = new HBox(6);
    private final Label note = new Label();
    private final ToggleButton noteToggle = new ToggleButton("?");

    public ViewPanel(String title, String noteKey, Node content) {
        getStyleClass().add("view-panel");
        Label heading = new Label(title);
        heading.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        tools.setAlignment(Pos.CENTER_RIGHT);
        noteToggle.getStyleClass().add("note-toggle");
        noteToggle.setTooltip(new Tooltip("What am I looking at?"));
        noteToggle.setId("note-" + noteKey);
        note.setText(TeachingNotes.of(noteKey));
        note.setWrapText(true);
        note.getStyleClass().add("teaching-note");
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.visibleProperty().bind(noteToggle.selectedProperty());
        note.managedProperty().bind(noteToggle.selectedProperty());
        HBox header = new HBox(8, heading, spacer, tools, noteToggle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, note, content);
        setSpacing(4);
    }

    /** Adds a tool (button, check box) to the header, left of the note toggle. */
    public ViewPanel withTool(Node tool) {
        tools.getChildren().add(tool);
        return this;
    }

    public ToggleButton noteToggle() {
        return noteToggle;
    }

    public Label note() {
        return note;
    }
}
