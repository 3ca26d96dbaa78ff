package org.stridelab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.stridelab.engine.about.RuntimeReport;

/**
 * Help, About: the lab's version and what it runs on (the engine's
 * {@link RuntimeReport}: ND4J backend, native build, CPU features, Java kernels),
 * plus the JavaFX version. The report is read off the FX thread (it may load
 * ND4J), then shown; the text can be selected and copied into a bug report.
 */
final class AboutDialog {
    private AboutDialog() {
    }

    /** The dialog's lines: the engine's report and the JavaFX version. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>(RuntimeReport.lines());
        lines.add("JavaFX: " + System.getProperty("javafx.runtime.version", "unknown"));
        return lines;
    }

    /** Reads the report in the background and shows it when ready; returns at once. */
    static CompletableFuture<Alert> show(Stage owner) {
        CompletableFuture<Alert> shown = new CompletableFuture<>();
        CompletableFuture.supplyAsync(AboutDialog::lines).whenComplete((lines, failure) -> Platform.runLater(() -> {
            Alert about = new Alert(Alert.AlertType.INFORMATION);
            about.initOwner(owner);
            about.setTitle("About StrideLab");
            about.setHeaderText("StrideLab \u2014 learning strides in the frequency domain");
            TextArea text = new TextArea(failure == null ? String.join("\n", lines)
                    : "The runtime report could not be read: " + failure.getMessage());
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(8);
            text.setId("aboutText");
            about.getDialogPane().setContent(text);
            about.show();
            shown.complete(about);
        }));
        return shown;
    }
}
