package org.stridelab.app.data;

import java.util.function.Consumer;
import javafx.application.Platform;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.DownloadProgress;
import org.stridelab.engine.data.LabeledImages;

/**
 * Loads the test images the crop inspector browses, on a background thread
 * (generating the offline dataset on first use takes a few seconds), and
 * hands them to the FX thread. Never downloads: if CIFAR-10 is missing the
 * inspector says so and the generated images remain available.
 */
public final class InspectorImages {

    private InspectorImages() {
    }

    public static void load(String spec, Consumer<LabeledImages> onLoaded, Consumer<String> onProblem) {
        Thread t = new Thread(() -> {
            try {
                if (Datasets.needsDownload(spec)) {
                    Platform.runLater(() -> onProblem.accept("CIFAR-10 is not downloaded yet: start a cifar10 run "
                            + "to download it, or browse the generated images."));
                    return;
                }
                DatasetSplits splits = Datasets.load(spec, DownloadProgress.NONE, () -> true);
                Platform.runLater(() -> onLoaded.accept(splits.test()));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onProblem.accept("cannot load the images of '" + spec + "': "
                        + e.getMessage()));
            }
        }, "stridelab-inspector-images");
        t.setDaemon(true);
        t.start();
    }
}
