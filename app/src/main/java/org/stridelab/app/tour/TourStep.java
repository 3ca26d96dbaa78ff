package org.stridelab.app.tour;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One step of the guided tour.
 *
 * @param title   a few words
 * @param text    two or three sentences about the view
 * @param prepare puts the view in the state the text talks about (selects its tab, sets its sliders)
 * @param target  the view to highlight, looked up when the step is shown
 */
public record TourStep(String title, String text, Runnable prepare, Supplier<Node> target) {
}
