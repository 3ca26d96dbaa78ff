package org.stridelab.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Small helpers for the lab's message boxes. */
final class Dialogs {
    private Dialogs() {
    }

    /** Shows an error without blocking (the lab keeps drawing and training). */
    static void error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setHeaderText(header);
        a.setContentText(message);
        a.show();
    }

    /** The answers to "CIFAR-10 is not downloaded". */
    enum DownloadAnswer { DOWNLOAD, USE_GENERATED, CANCEL }

    /** Asks whether to download CIFAR-10 now, train on the generated data instead, or not start. */
    static DownloadAnswer askDownload(Window owner, String cacheFolder, String source) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner);
        ask.setTitle("CIFAR-10 is not downloaded");
        ask.setHeaderText("CIFAR-10 is not in " + cacheFolder);
        ask.setContentText("Download it now from " + source + " (the official archive is about "
                + "170 MB; progress is shown and it can be cancelled and resumed)? Or train on the generated "
                + "dataset, which needs no download.");
        ButtonType download = new ButtonType("Download", ButtonBar.ButtonData.OK_DONE);
        ButtonType generated = new ButtonType("Use generated data", ButtonBar.ButtonData.OTHER);
        ask.getButtonTypes().setAll(download, generated, ButtonType.CANCEL);
        java.util.Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty()) {
            return DownloadAnswer.CANCEL;
        }
        return answer.get() == download ? DownloadAnswer.DOWNLOAD
                : answer.get() == generated ? DownloadAnswer.USE_GENERATED : DownloadAnswer.CANCEL;
    }
}
