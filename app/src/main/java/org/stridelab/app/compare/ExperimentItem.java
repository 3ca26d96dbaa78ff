package org.stridelab.app.compare;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One line of the Compare tab's tree: a folder that was added, a single run,
 * a grid, one of a grid's cells, or a note ("nothing here", "loading…").
 * Runs, cells and grids can be ticked; a ticked run's curves are overlaid.
 */
public final class ExperimentItem {
    public enum Kind { FOLDER, RUN, GRID, CELL, NOTE }

    private final Kind kind;
    private final Path path;
    /** Changes on refresh (a run finishes, a cell gets its accuracy); the tree cell follows it. */
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private final boolean available;
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");

    private ExperimentItem(Kind kind, Path path, String text, boolean available) {
        this.kind = kind;
        this.path = path;
        this.text.set(text);
        this.available = available;
    }

    static ExperimentItem folder(Path path, String text) {
        return new ExperimentItem(Kind.FOLDER, path, text, true);
    }

    static ExperimentItem run(Path path, String text) {
        return new ExperimentItem(Kind.RUN, path, text, true);
    }

    static ExperimentItem grid(Path path, String text) {
        return new ExperimentItem(Kind.GRID, path, text, true);
    }

    /** @param available false for a cell that has not started: it has no files to draw */
    static ExperimentItem cell(Path path, String text, boolean available) {
        return new ExperimentItem(Kind.CELL, path, text, available);
    }

    static ExperimentItem note(String text) {
        return new ExperimentItem(Kind.NOTE, null, text, false);
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void setText(String value) {
        text.set(value);
    }

    /** Whether a tick box is shown and usable. */
    public boolean checkable() {
        return available && (kind == Kind.RUN || kind == Kind.GRID || kind == Kind.CELL);
    }

    /** A run folder whose curves can be drawn: a single run or a started grid cell. */
    public boolean drawable() {
        return available && (kind == Kind.RUN || kind == Kind.CELL);
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    @Override
    public String toString() {
        return text.get();
    }
}
