package org.stridelab.app;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.stridelab.app.data.Datasets;
import org.stridelab.app.data.InspectorImages;
import org.stridelab.app.data.UserImages;
import org.stridelab.app.training.SessionState;
import org.stridelab.app.training.TrainingSession;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.data.Normalization;
import org.stridelab.visualisations.spectrum.SpectralPreview;

/**
 * The image side of the lab: which test images the browser shows, which image
 * the crop inspector looks at (a test image, a file, a dropped file), and the
 * feature maps of that image, asked from the current run's network.
 */
final class InspectorController {
    /** Channels per site in the feature-map view: enough to see structure, few enough to read. */
    private static final int FEATURE_CHANNELS = 4;

    private final LabViews views;
    private final RunEventRouter router;
    private final Supplier<TrainingSession> session;
    private final Supplier<SessionState> state;
    private final Supplier<Window> owner;
    private final Consumer<String> status;
    private String loadedData;
    private String imageName = "the image";

    InspectorController(LabViews views, RunEventRouter router, Supplier<TrainingSession> session,
                        Supplier<SessionState> state, Supplier<Window> owner, Consumer<String> status) {
        this.views = views;
        this.router = router;
        this.session = session;
        this.state = state;
        this.owner = owner;
        this.status = status;
        views.thumbnails.selectedProperty().addListener((o, a, b) -> showTestImage(b.intValue()));
        views.openImage.setOnAction(e -> chooseImage());
        views.captureFeatures.setOnAction(e -> captureFeatureMaps());
        views.tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == views.featuresTab) {
                captureFeatureMaps();
            }
        });
        // While the feature-map tab shows a training run, refresh it every few seconds: the maps change as the
        // network learns. One capture is one forward pass of one image, between two steps.
        Timeline live = new Timeline(new KeyFrame(Duration.seconds(4), e -> {
            if (views.tabs.getSelectionModel().getSelectedItem() == views.featuresTab
                    && state.get() == SessionState.RUNNING) {
                captureFeatureMaps();
            }
        }));
        live.setCycleCount(Animation.INDEFINITE);
        live.play();
    }

    /** Browses the test images of a data spec (loaded in the background; never downloads). */
    void loadTestImages(String spec) {
        loadedData = spec;
        views.inspectorStatus.setText("loading the test images of '" + spec + "'\u2026");
        InspectorImages.load(spec, images -> {
            views.thumbnails.setImages(images);
            views.inspectorStatus.setText(String.format(Locale.ROOT, "%,d test images of '%s'", images.size(), spec));
        }, problem -> views.inspectorStatus.setText(problem));
    }

    /** Follows a run's data, if it differs from what is shown and needs no download. */
    void followData(String spec) {
        if (spec != null && !spec.isBlank() && !spec.equals(loadedData) && !Datasets.needsDownload(spec)) {
            loadTestImages(spec);
        }
    }

    /** Shows a picture file (resized to 32x32) in the inspector. */
    void inspectFile(File file) {
        try {
            views.inspector.setImage(UserImages.load(file), file.getName());
            imageName = file.getName();
            captureFeatureMaps();
            views.tabs.getSelectionModel().select(views.inspectorTab);
            views.inspectorStatus.setText("showing " + file.getName() + " (central square, averaged to 32\u00d732)");
        } catch (IOException ex) {
            Dialogs.error(owner.get(), "Cannot open the image", ex.getMessage());
            status.accept("Cannot open the image: " + ex.getMessage());
        }
    }

    /** Asks the run's network for the activations of the inspected image; the answer arrives as an event. */
    void captureFeatureMaps() {
        SpectralPreview shown = views.inspector.preview();
        TrainingSession s = session.get();
        if (shown == null) {
            views.featureMaps.showMessage("Pick an image in the crop inspector first.");
            return;
        }
        if (s == null) {
            views.featureMaps.showMessage("Start a run (or open and continue one): feature maps come from its "
                    + "network. Then pick an image in the crop inspector.");
            return;
        }
        router.featureImage(imageName);
        if (!s.captureFeatureMaps(Normalization.normalize(planes(shown.image())), FEATURE_CHANNELS)) {
            views.featureMaps.showMessage("The network is still being built; try again in a moment.");
        }
    }

    private void showTestImage(int i) {
        LabeledImages images = views.thumbnails.images();
        if (images == null || i < 0 || i >= images.size()) {
            return;
        }
        imageName = images.classNames().get(images.label(i)) + " #" + i;
        views.inspector.setImage(SpectralPreview.channels(images.imageRgb(i), LabeledImages.SIDE), imageName);
        captureFeatureMaps();
    }

    private void chooseImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image to inspect");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.gif", "*.bmp"));
        File file = chooser.showOpenDialog(owner.get());
        if (file != null) {
            inspectFile(file);
        }
    }

    /** Channels {@code [3][32][32]} back into the CIFAR layout (three planes), as the engine's models read it. */
    private static float[] planes(float[][][] img) {
        float[] planes = new float[3 * LabeledImages.PLANE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < LabeledImages.SIDE; y++) {
                System.arraycopy(img[c][y], 0, planes, c * LabeledImages.PLANE + y * LabeledImages.SIDE,
                        LabeledImages.SIDE);
            }
        }
        return planes;
    }
}
