package org.stridelab.app.tour;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A short walkthrough over the lab's own views: a card in a corner of the
 * window says what one view shows, and that view is outlined. The views stay
 * live and usable throughout; the tour only selects tabs and sets sliders.
 *
 * <p>Keyboard: F1 starts (or restarts) it; Page Down / Page Up (what a
 * presenter's clicker sends) or the card's buttons (Tab, Enter) go forward and
 * back; Escape leaves it at any step.
 */
public final class GuidedTour {
    /** The style class that outlines the view of the current step. */
    public static final String HIGHLIGHT = "tour-target";

    private final List<TourStep> steps;
    private final StackPane layer = new StackPane();
    private final VBox card = new VBox(8);
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button leave = new Button("Leave tour");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private Node highlighted;

    public GuidedTour(List<TourStep> steps) {
        this.steps = List.copyOf(steps);
        card.getStyleClass().add("tour-card");
        card.setId("tourCard");
        card.setMaxSize(430, Region.USE_PREF_SIZE);
        card.setPadding(new Insets(12));
        counter.getStyleClass().add("muted");
        counter.setId("tourCounter");
        title.getStyleClass().add("tour-title");
        title.setId("tourTitle");
        title.setWrapText(true);
        text.setWrapText(true);
        text.setId("tourText");
        back.setId("tourBack");
        next.setId("tourNext");
        leave.setId("tourLeave");
        next.getStyleClass().add("primary");
        back.setOnAction(e -> show(index.get() - 1));
        next.setOnAction(e -> {
            if (index.get() == this.steps.size() - 1) {
                leave();
            } else {
                show(index.get() + 1);
            }
        });
        leave.setOnAction(e -> leave());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, leave, gap, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().addAll(counter, title, text, buttons);
        layer.getChildren().add(card);
        StackPane.setAlignment(card, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(card, new Insets(0, 24, 48, 0));
        layer.setPickOnBounds(false); // clicks outside the card reach the views below
        layer.setVisible(false);
        layer.setId("tourLayer");
    }

    /** The layer to put over the window's content (in a {@code StackPane}). */
    public Node layer() {
        return layer;
    }

    /** Installs the keys: F1 starts, Page Down/Up move, Escape leaves (only while the tour runs). */
    public void installKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::start);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!isRunning()) {
                return;
            }
            switch (e.getCode()) {
                case ESCAPE -> leave();
                case PAGE_DOWN -> next.fire();
                case PAGE_UP -> {
                    if (index.get() > 0) {
                        show(index.get() - 1);
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Starts at the first step (also a restart). */
    public void start() {
        show(0);
    }

    public boolean isRunning() {
        return index.get() >= 0;
    }

    /** The step shown (0-based), -1 when the tour is not running. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int size() {
        return steps.size();
    }

    /** Leaves the tour: the card goes, the outline too; the views stay as they are. */
    public void leave() {
        unhighlight();
        layer.setVisible(false);
        index.set(-1);
    }

    private void show(int i) {
        if (i < 0 || i >= steps.size()) {
            return;
        }
        TourStep step = steps.get(i);
        unhighlight();
        index.set(i);
        step.prepare().run();
        highlighted = step.target().get();
        if (highlighted != null) {
            highlighted.getStyleClass().add(HIGHLIGHT);
        }
        counter.setText("Tour \u00b7 step " + (i + 1) + " of " + steps.size());
        title.setText(step.title());
        text.setText(step.text());
        back.setDisable(i == 0);
        next.setText(i == steps.size() - 1 ? "Finish" : "Next");
        layer.setVisible(true);
        next.requestFocus();
    }

    private void unhighlight() {
        if (highlighted != null) {
            highlighted.getStyleClass().remove(HIGHLIGHT);
            highlighted = null;
        }
    }
}
