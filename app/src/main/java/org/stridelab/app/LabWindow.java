package org.stridelab.app;

import javafx.scene.layout.StackPane;
import org.stridelab.app.tour.GuidedTour;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.stridelab.app.examples.ExampleRuns;

import org.stridelab.app.live.LiveSettingsPanel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;
import org.stridelab.app.presentation.LabPreferences;
import org.stridelab.app.presentation.Presentation;
import org.stridelab.app.presentation.ZoomPane;
import org.stridelab.app.compare.CompareController;
import org.stridelab.app.config.LaunchOptions;
import org.stridelab.app.config.RunConfigForm;
import org.stridelab.app.data.Datasets;
import org.stridelab.app.export.RunHistory;
import org.stridelab.app.phc.ParameterCounter;
import org.stridelab.app.training.EventBuffer;
import org.stridelab.app.training.FrameDrain;
import org.stridelab.app.training.RunControls;
import org.stridelab.app.training.RunHandle;
import org.stridelab.app.training.SessionState;
import org.stridelab.app.training.TrainingSession;
import org.stridelab.app.training.TrainingWorker;
import org.stridelab.engine.data.DataHome;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.session.RunNames;
import org.stridelab.visualisations.charts.RunLabel;
import org.stridelab.visualisations.layout.ViewPanel;

/**
 * The lab's window and its controller: the run form and buttons on the left,
 * the views in tabs, a status bar below. It starts sessions on the training
 * worker, drains their events once per frame, and turns lifecycle events into
 * the session state that enables the buttons.
 */
public final class LabWindow {
    private final Stage stage;
    private final Runnable exit;
    private final TrainingWorker worker;
    private final EventBuffer events = new EventBuffer();
    private final ExportActions export = new ExportActions(this::stage, this::showStatus);
    private final LabViews views = new LabViews(export::chart);
    private final LiveSettingsPanel live = new LiveSettingsPanel(this::changeLive);
    private final RunEventRouter router = new RunEventRouter(views, live);
    private final RunConfigForm form;
    private final RunControls controls;
    private final StatusBar status = new StatusBar();
    private Presentation presentation;
    private GuidedTour tour;
    private final Label stateBadge = new Label();
    private final ObjectProperty<SessionState> state = new SimpleObjectProperty<>(SessionState.IDLE);
    private final BooleanProperty configValid = new SimpleBooleanProperty();
    private final BooleanProperty canContinue = new SimpleBooleanProperty();
    private final FrameDrain drain;
    private final WindowEvents windowEvents;
    private final InspectorController inspector;
    private final CompareController compare;
    private TrainingSession session;
    /** The folder of the run last started here, for messages from other threads (a signal's). */
    private volatile Path trainedFolder;
    private RunHandle reopened;
    private int runCount;
    private boolean closing;

    public LabWindow(Stage stage, LaunchOptions options, TrainingWorker worker) {
        this(stage, options, worker, Platform::exit);
    }

    /** @param exit how the lab quits once closing is confirmed and training has stopped (tests replace it) */
    public LabWindow(Stage stage, LaunchOptions options, TrainingWorker worker, Runnable exit) {
        this.exit = exit;
        this.stage = stage;
        this.worker = worker;
        Path runs = options.runsFolder() != null ? Path.of(options.runsFolder()) : DataHome.root().resolve("runs");
        this.form = new RunConfigForm(runs.toAbsolutePath());
        this.controls = new RunControls(state, configValid, canContinue);
        this.windowEvents = new WindowEvents(router, status, state, canContinue, this::stage, () -> session, this::stop,
                this::onEnded);
        this.drain = new FrameDrain(events, e -> e.sendTo(windowEvents), router::afterFrame);
        this.inspector = new InspectorController(views, router, () -> session, state::get, this::stage,
                this::showStatus);
        this.compare = new CompareController(views.compare, form.runsFolderProperty(), this::stage,
                () -> views.tabs.getSelectionModel().getSelectedItem() == views.compareTab);
        new ParameterCounter(views.parameters, form.resultProperty()); // lives as long as the form it listens to
        views.tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == views.compareTab) {
                compare.rescan(); // runs started or finished since the tab was last shown appear
            }
        });
        configValid.bind(Bindings.createBooleanBinding(() -> form.resultProperty().get().valid(),
                form.resultProperty()));
        for (String dir : options.open()) {
            openRun(Path.of(dir)); // first: a reopened run fills the form, the options below may change it
        }
        for (Map.Entry<String, String> e : options.fields().entrySet()) {
            try {
                form.set(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                System.err.println("[stridelab] ignoring launch option " + e.getKey() + "=" + e.getValue() + ": "
                        + ex.getMessage());
            }
        }
        for (String dir : options.compare()) {
            compare.addFolderAndTick(Path.of(dir));
        }
        wireControls();
        stage.setScene(buildScene());
        stage.setTitle("StrideLab \u2014 learning strides in the frequency domain");
        stage.setOnCloseRequest(this::onCloseRequest);
        state.addListener((o, a, b) -> {
            stateBadge.setText(b.name().toLowerCase(Locale.ROOT));
            form.setLocked(b.isActive());
            live.setLive(b == SessionState.RUNNING || b == SessionState.PAUSED);
        });
        stateBadge.setText("idle");
        status.setText("Ready. Configure a run and press Start (F5), or explore the crop inspector.");
        views.select(options.tab());
        drain.start();
        inspector.loadTestImages(form.resultProperty().get().config() == null ? "generated"
                : form.resultProperty().get().config().data().source());
        if (options.autostart()) {
            Platform.runLater(() -> {
                if (configValid.get()) {
                    start();
                } else {
                    status.setText("Auto-start skipped: " + String.join("; ", form.resultProperty().get().all()));
                }
            });
        }
    }

    public Stage stage() {
        return stage;
    }

    public LabViews views() {
        return views;
    }

    public SessionState state() {
        return state.get();
    }

    public ObjectProperty<SessionState> stateProperty() {
        return state;
    }

    /** Where the checkpoint of the run started here is kept, in words (any thread). */
    public String checkpointInWords() {
        Path folder = trainedFolder;
        return folder == null ? "none (no run was started)" : "the one in " + folder;
    }

    /** The run the progress and stride views follow (the last started or opened), or null. */
    public RunHandle currentRun() {
        return router.current();
    }

    public RunConfigForm form() {
        return form;
    }

    /** Zoom, full screen and theme. */
    public Presentation presentation() {
        return presentation;
    }

    public StatusBar statusBar() {
        return status;
    }

    /** The Compare tab's controller (to add folders from code: tests, launch options). */
    public CompareController compare() {
        return compare;
    }

    private Scene buildScene() {
        Button openRun = new Button("Open run\u2026");
        openRun.setId("openRunButton");
        openRun.setTooltip(new Tooltip("Reopen a run folder (from the app or the command line) to view or continue it"));
        openRun.setOnAction(e -> openRun());
        openRun.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get().isActive(), state));
        Button exportCsv = new Button("Metrics CSV\u2026");
        exportCsv.setId("exportCsvButton");
        exportCsv.setTooltip(new Tooltip("Save the followed run's per-step metrics (and per-epoch rows) as CSV"));
        exportCsv.setOnAction(e -> export.metrics(router.current(),
                router.current() == null ? null : router.metrics(router.current().key())));
        MenuButton examples = new MenuButton("Examples");
        examples.setId("examplesMenu");
        examples.setTooltip(new Tooltip("Finished runs shipped with the lab: curves, strides and masks without "
                + "training"));
        for (ExampleRuns.Example example : ExampleRuns.ALL) {
            MenuItem item = new MenuItem(example.title());
            item.setId("example-" + example.folder());
            item.setOnAction(e -> openExample(example));
            examples.getItems().add(item);
        }
        examples.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get().isActive() || !ExampleRuns.shipped(), state));
        HBox files = new HBox(6, openRun, examples, exportCsv);

        ViewPanel configPanel = new ViewPanel("Run", "config", form);
        ViewPanel livePanel = new ViewPanel("Change while training", "live", live);
        VBox left = new VBox(10, configPanel, controls, livePanel, files, views.progressPanel());
        left.setPadding(new Insets(8));
        left.getStyleClass().add("left-column");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefViewportWidth(360);
        leftScroll.setMinWidth(340);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        stateBadge.getStyleClass().add("state-badge");
        stateBadge.setId("stateBadge");
        status.getRightItems().add(stateBadge);
        status.setId("statusBar");

        BorderPane root = new BorderPane(views.tabs);
        root.setLeft(leftScroll);
        root.setBottom(status);
        root.getStyleClass().add("lab-root");
        tour = new GuidedTour(LabTour.steps(this, configPanel));
        Button tourButton = new Button("Tour");
        tourButton.setId("tourButton");
        tourButton.setTooltip(new Tooltip("A six-step walk through the lab's views (F1; Page Down/Up to move, "
                + "Escape to leave)"));
        tourButton.setOnAction(e -> tour.start());
        Button about = new Button("About");
        about.setId("aboutButton");
        about.setTooltip(new Tooltip("Version, ND4J backend, native build and CPU features"));
        about.setOnAction(e -> AboutDialog.show(stage));
        status.getRightItems().addAll(0, List.of(tourButton, about));
        ZoomPane zoom = new ZoomPane(new StackPane(root, tour.layer()));
        Scene scene = new Scene(zoom, 1560, 960);
        scene.getStylesheets().add(LabWindow.class.getResource("styles/lab.css").toExternalForm());
        presentation = new Presentation(stage, scene, zoom, LabPreferences.user());
        status.getRightItems().addAll(0, presentation.controls());
        controls.installShortcuts(scene);
        tour.installKeys(scene);
        FileDrops.install(scene, dir -> !state.get().isActive() && FileDrops.isRunFolder(dir), this::openRun,
                inspector::inspectFile);
        return scene;
    }

    private void wireControls() {
        controls.start.setOnAction(e -> start());
        controls.pause.setOnAction(e -> {
            if (session != null) {
                session.pause();
                status.setText("Pausing after the current step\u2026");
            }
        });
        controls.resume.setOnAction(e -> {
            if (session != null) {
                session.resume();
            }
        });
        controls.step.setOnAction(e -> {
            if (session != null) {
                session.stepOnce();
                status.setText("One step\u2026");
            }
        });
        controls.stop.setOnAction(e -> stop());
        controls.continueRun.setOnAction(e -> continueReopened());
    }

    // ------------------------------------------------------------------ runs

    /** Starts a new run from the form (asks first if CIFAR-10 must be downloaded). */
    public void start() {
        if (state.get().isActive() || !configValid.get()) {
            return;
        }
        RunConfig config = form.resultProperty().get().config();
        if (Datasets.needsDownload(config.data().source()) && !confirmDownload()) {
            return;
        }
        String name = RunNames.fresh(config, LocalDateTime.now());
        config = config.withName(name);
        Path folder = form.runsFolderProperty().get().resolve(name);
        RunHandle run = new RunHandle(new RunLabel("run-" + (++runCount), legend(config), runCount - 1), config,
                folder);
        begin(run, false);
    }

    private void continueReopened() {
        if (reopened != null && !state.get().isActive()) {
            begin(reopened, true);
        }
    }

    private void begin(RunHandle run, boolean resume) {
        router.follow(run, !resume);
        if (!resume) {
            live.follow(run.config());
        }
        canContinue.set(false);
        state.set(SessionState.PREPARING);
        status.setText((resume ? "Continuing " : "Starting ") + run.config().label() + " in " + run.folder());
        status.setProgress(0);
        session = TrainingSession.start(run, resume, worker, events);
        trainedFolder = run.folder();
        inspector.followData(run.config().data().source());
    }

    /** Sends a checked live change to the running session. */
    private void changeLive(org.stridelab.engine.config.Setting<Double> setting, double value) {
        if (session != null && state.get().isActive()) {
            session.change(setting, value);
        }
    }

    private void stop() {
        if (session != null && state.get().isActive()) {
            session.stop();
            state.set(SessionState.STOPPING);
            status.setText("Stopping at the next step boundary; saving a checkpoint\u2026");
        }
    }

    private boolean confirmDownload() {
        Dialogs.DownloadAnswer answer = Dialogs.askDownload(stage, DataHome.datasets().toString(),
                Datasets.cifarSource());
        if (answer == Dialogs.DownloadAnswer.USE_GENERATED) {
            form.set("data", "generated");
            return configValid.get();
        }
        return answer == Dialogs.DownloadAnswer.DOWNLOAD;
    }

    /** Reopens a run folder: its history is drawn, its configuration shown, and it can be continued. */
    private void openRun() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a run folder");
        File runs = form.runsFolderProperty().get().toFile();
        if (runs.isDirectory()) {
            chooser.setInitialDirectory(runs);
        }
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            openRun(dir.toPath());
        }
    }

    /**
     * Opens a shipped example: a run as a reopened run (curves, strides, masks),
     * a grid in the Compare tab with its cells ticked.
     */
    public void openExample(ExampleRuns.Example example) {
        try {
            Path folder = ExampleRuns.unpack(example, DataHome.root().resolve("examples"));
            if (example.grid()) {
                // the tab first: showing it rescans the tree, which would drop a grid selected before
                views.tabs.getSelectionModel().select(views.compareTab);
                compare.addFolderAndTick(folder);
            } else {
                openRun(folder);
                views.tabs.getSelectionModel().select(views.trainingTab);
            }
            status.setText("Opened the example “" + example.title() + "” from " + folder);
        } catch (IOException ex) {
            error("Cannot open the example", ex.getMessage());
        }
    }

    /** Reopens a run folder (public for tests and a future command-line option). */
    public void openRun(Path dir) {
        try {
            RunFolder folder = RunFolder.open(dir);
            RunConfig config = folder.readConfig();
            RunHandle run = new RunHandle(new RunLabel("run-" + (++runCount), legend(config) + " [" + dir.getFileName()
                    + "]", runCount - 1), config, folder.path());
            router.follow(run, true);
            RunHistory.Events history = RunHistory.read(folder, config);
            history.steps().forEach(s -> router.step(run, s));
            history.epochs().forEach(s -> router.epoch(run, s));
            history.strides().forEach(s -> router.strides(run, s));
            live.follow(history.latestConfig());
            history.changes().forEach(c -> router.liveChange(run, c));
            form.fill(config);
            reopened = run;
            boolean finished = folder.isFinished();
            canContinue.set(folder.hasCheckpoint() && !finished);
            status.setText("Opened " + dir + ": " + history.steps().size() + " steps, " + history.epochs().size()
                    + " epochs" + (finished ? " (finished)" : folder.hasCheckpoint() ? "; Continue run resumes it"
                    : "; no checkpoint to continue from")
                    + (history.problems().isEmpty() ? "" : "; skipped: " + String.join("; ", history.problems())));
        } catch (IOException | RuntimeException ex) {
            error("Cannot open the run folder", ex.getMessage());
        }
    }

    // ----------------------------------------------------------------- close

    private void onCloseRequest(WindowEvent e) {
        if (!state.get().isActive()) {
            drain.stop();
            return; // nothing trains: the window just closes
        }
        e.consume();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(stage);
        ask.setTitle("A run is training");
        ask.setHeaderText("Stop the run and quit?");
        ask.setContentText("The run stops after its current step and saves a checkpoint; you can continue it later "
                + "with Open run\u2026 \u2192 Continue run, or from the command line with --resume.");
        if (ask.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        quitAfterStop();
    }

    /**
     * Quits without asking, as a confirmed close does: a run that trains stops
     * after its current step and saves its checkpoint first. What a SIGTERM or
     * Ctrl-C in the launching terminal does (FX thread).
     */
    public void quitAfterStop() {
        if (closing) {
            return;
        }
        if (!state.get().isActive()) {
            exitOnce();
            return;
        }
        closing = true;
        stop();
        // Wait for the worker off the FX thread: the UI keeps drawing (and shows the final events) meanwhile.
        Thread waiter = new Thread(() -> {
            try {
                if (!worker.awaitIdle(2, TimeUnit.MINUTES)) {
                    System.err.println("[stridelab] the training job did not stop within 2 minutes; exiting anyway");
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> {
                // the run's last events (its end) are shown and recorded first
                events.drain(event -> event.sendTo(windowEvents));
                exitOnce();
            });
        }, "stridelab-close");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** The session's job is over: its folder can be continued, and a pending close goes ahead. */
    private void onEnded(RunHandle run) {
        reopened = run;
        if (closing) {
            exitOnce();
        }
    }

    private boolean exited;

    private void exitOnce() {
        if (!exited) {
            exited = true;
            drain.stop();
            exit.run();
        }
    }

    private void error(String header, String message) {
        Dialogs.error(stage, header, message);
        status.setText(header + ": " + message);
    }

    private void showStatus(String text) {
        status.setText(text);
    }

    /** Shows a picture file in the crop inspector (as dropping it on the window does). */
    public void inspectFile(File file) {
        inspector.inspectFile(file);
    }

    /** The engine's label (method and strides), plus the PHC order: a PHC run is a different network. */
    private static String legend(RunConfig c) {
        return c.label() + (c.model().phc() >= 2 ? " PHC" + c.model().phc() : "");
    }
}
