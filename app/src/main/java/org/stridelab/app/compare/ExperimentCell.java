package org.stridelab.app.compare;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;

/**
 * Draws an {@link ExperimentItem}: runs, cells and grids with a tick box
 * (bound to the item, so ticking works from the tree and from code alike),
 * folders in bold, notes muted. JavaFX's CheckBoxTreeCell would put a box on
 * every line, folders and notes included.
 */
final class ExperimentCell extends TreeCell<ExperimentItem> {
    private final CheckBox box = new CheckBox();
    private BooleanProperty bound;

    ExperimentCell() {
        getStyleClass().add("experiment-cell");
    }

    @Override
    protected void updateItem(ExperimentItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            box.selectedProperty().unbindBidirectional(bound);
            bound = null;
        }
        textProperty().unbind();
        setTooltip(null);
        getStyleClass().removeAll("folder", "note", "grid");
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        textProperty().bind(item.textProperty());
        switch (item.kind()) {
            case FOLDER -> {
                getStyleClass().add("folder");
                setTooltip(new Tooltip(item.path().toString())); // the line may be too narrow for the whole path
            }
            case NOTE -> getStyleClass().add("note");
            case GRID -> getStyleClass().add("grid");
            default -> { }
        }
        if (item.checkable()) {
            bound = item.checkedProperty();
            box.selectedProperty().bindBidirectional(bound);
            setGraphic(box);
        } else {
            setGraphic(null);
        }
    }
}
