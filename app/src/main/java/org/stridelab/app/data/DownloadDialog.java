package org.stridelab.app.data;

import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.stridelab.engine.data.DataHome;

/**
 * Shows the CIFAR-10 download's progress; Cancel stops it (the partial file is
 * kept and the next attempt resumes). Not modal: the lab stays usable, e.g.
 * the inspector on the generated images, while 170 MB arrive.
 */
public final class DownloadDialog {
    private final Alert alert = new Alert(Alert.AlertType.NONE);
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label text = new Label("connecting\u2026");

    public DownloadDialog(Window owner, Runnable onCancel) {
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setTitle("Downloading CIFAR-10");
        alert.setHeaderText("Downloading CIFAR-10 into " + DataHome.datasets());
        bar.setPrefWidth(420);
        bar.setId("downloadProgress");
        text.setId("downloadText");
        // The source is named because a mirror (-Dstridelab.cifar10.url) may be in use instead of Toronto's server.
        Label source = new Label("from " + Datasets.cifarSource()
                + "\nCancel keeps the part downloaded so far; the next start resumes from it.");
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        VBox box = new VBox(8, bar, text, source);
        alert.getDialogPane().setContent(box);
        alert.getButtonTypes().setAll(ButtonType.CANCEL);
        alert.setOnCloseRequest(e -> onCancel.run());
        alert.resultProperty().addListener((o, a, b) -> {
            if (b == ButtonType.CANCEL) {
                onCancel.run();
            }
        });
    }

    public void show() {
        alert.show();
    }

    public void update(long done, long total) {
        bar.setProgress(total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS);
        text.setText(total > 0 ? String.format(Locale.ROOT, "%.1f of %.1f MB", done / 1e6, total / 1e6)
                : String.format(Locale.ROOT, "%.1f MB", done / 1e6));
    }

    /** Closes without cancelling (the download is done or the run ended). */
    public void close() {
        alert.setOnCloseRequest(null);
        alert.getButtonTypes().setAll(ButtonType.CLOSE);
        alert.close();
    }

    public boolean isShowing() {
        return alert.isShowing();
    }
}
