package org.stridelab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.stridelab.app.config.LaunchOptions;
import org.stridelab.app.training.TrainingWorker;
import org.stridelab.engine.session.GracefulStop;

/**
 * Starts the lab. {@code main} first starts the training worker thread (from
 * the main thread, not a JavaFX one: see {@link TrainingWorker}), then JavaFX.
 *
 * <p>Options (named parameters or {@code -Dstridelab.KEY=VALUE}): method,
 * strides, smoothness, width, phc, batch, epochs, optimizer, lr, mixup, data, seed,
 * train-limit pre-fill the form; {@code --autostart} starts that run at once;
 * {@code --runs=DIR} chooses the runs folder; {@code --home=DIR} replaces ~/.stridelab (datasets,
 * default runs folder); {@code --tab=inspector|features|algebra|compare} opens a tab; {@code --open=DIR[:DIR...]}
 * reopens run folders (e.g. made by the command line) so that their curves are overlaid;
 * {@code --compare=DIR[:DIR...]} lists folders of runs or grids in the Compare tab, everything ticked.
 */
public final class StrideLabApp extends Application {
    public static void main(String[] args) {
        for (String a : args) {
            // Before anything reads DataHome: where datasets and (by default) runs live.
            if (a.startsWith("--home=")) {
                System.setProperty("stridelab.home", a.substring("--home=".length()));
            }
        }
        TrainingWorker worker = TrainingWorker.start();
        System.out.println("[stridelab] training worker started from thread '" + worker.startedFrom() + "'");
        launch(args);
        // ND4J and the data loader may leave non-daemon threads behind; the window has stopped training cleanly.
        // Exit status 0 after a signal too: the quit was orderly (run saved), and `mvn javafx:run` would
        // otherwise report a signal's 130/143 as a failed build.
        System.exit(0);
    }

    @Override
    public void start(Stage stage) {
        Parameters p = getParameters();
        for (String ignored : LaunchOptions.ignored(p.getNamed())) {
            System.err.println("[stridelab] launch option ignored: " + ignored);
        }
        LabWindow window = new LabWindow(stage, LaunchOptions.from(p.getNamed(), p.getUnnamed()),
                TrainingWorker.shared());
        // Without these, Ctrl-C in the launching terminal (or a kill, a logout) ended the JVM at once and lost
        // everything since the run's last checkpoint; now it quits the way a confirmed close does.
        new GracefulStop(() -> Platform.runLater(window::quitAfterStop), window::checkpointInWords,
                GracefulStop.DEFAULT_BOUND, System.err);
        var icon = StrideLabApp.class.getResource("icons/stridelab.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (screen.getWidth() <= 1680 || screen.getHeight() <= 1050) {
            // a laptop-sized screen: use all of it (the lab has many views)
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        } else {
            stage.setWidth(1600);
            stage.setHeight(1000);
        }
        stage.show();
        window.stage().requestFocus();
    }
}
