package org.stridelab.visualisations.features;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Stands where the feature-map view will go, and says plainly why it is
 * empty: the engine's ResNet18 exposes only the network's output, no hook for
 * the activations before and after a downsampling layer. Showing made-up
 * channels instead would teach something false.
 */
public final class FeatureMapsPlaceholder extends VBox {

    public FeatureMapsPlaceholder() {
        getStyleClass().add("placeholder");
        setId("featureMapsPlaceholder");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        setSpacing(10);
        Label title = new Label("Feature maps: not wired yet");
        title.getStyleClass().add("placeholder-title");
        Label body = new Label("This view will show, for the chosen image, a few channels of the activations "
                + "just before and just after each downsampling layer (stem and stages 2-4), so you can see what a "
                + "learned stride throws away inside the network.\n\n"
                + "It needs a hook the engine does not have yet: ResNet18.forward returns only the class scores, "
                + "and its blocks and pooling layers are private. Once the engine offers a way to capture the "
                + "input and output of each downsampling site for one image (copied off ND4J memory, like the "
                + "other events), this panel draws them. Until then it stays empty rather than showing invented data.");
        body.setWrapText(true);
        body.setMaxWidth(640);
        getChildren().addAll(title, body);
    }
}
