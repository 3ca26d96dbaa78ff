package org.stridelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.stridelab.app.examples.ExampleRuns;
import org.stridelab.app.tour.GuidedTour;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stridelab.app.config.LaunchOptions;
import org.stridelab.app.config.MethodSupport;
import org.stridelab.app.training.RunHandle;
import org.stridelab.app.training.SessionState;
import org.stridelab.engine.config.ScheduleKind;
import org.stridelab.engine.config.Settings;
import org.stridelab.app.training.TrainingWorker;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.spectral.CropResult;
import org.stridelab.engine.spectral.SpectrumTools;
import org.stridelab.app.config.ConfigDraft;
import org.stridelab.engine.config.RunPresets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab window on a headless stage, trained for real on a tiny generated-data
 * configuration. stridelab.home points into target/, so the generated dataset
 * and the run folders stay out of the user's home (and are reused between runs).
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
    private LabWindow window;
    private final java.util.concurrent.atomic.AtomicBoolean exited = new java.util.concurrent.atomic.AtomicBoolean();

    @BeforeAll
    static void home() throws Exception {
        Path home = Path.of("target", "test-home").toAbsolutePath();
        Files.createDirectories(home);
        System.setProperty("stridelab.home", home.toString());
        TrainingWorker.start(); // from the test thread, as main() does: never from a JavaFX thread
    }

    @Start
    void start(Stage stage) {
        window = new LabWindow(stage, LaunchOptions.none(), TrainingWorker.shared(), () -> exited.set(true));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stopAnyRun(FxRobot robot) throws Exception {
        LabWindowTests.stopAnyRun(robot, window);
    }

    @Test
    void windowOpensWithAllViewsAndAValidDefaultConfiguration(FxRobot robot) throws Exception {
        assertTrue(fx(() -> window.stage().getTitle()).startsWith("StrideLab"));
        assertEquals(List.of("Training", "Crop inspector", "Feature maps", "PHC algebra", "Compare"),
                fx(() -> window.views().tabs.getTabs().stream().map(t -> t.getText()).toList()));
        assertFalse(button(robot, "#startButton").isDisabled());
        assertTrue(button(robot, "#pauseButton").isDisabled());
        assertTrue(button(robot, "#stopButton").isDisabled());
        assertTrue(robot.lookup("#featureMaps").tryQuery().isPresent(), "the feature-map view is there");
        robot.clickOn("#note-loss");
        assertTrue(fx(() -> robot.lookup(".teaching-note").queryAll().stream().anyMatch(n -> n.isVisible())),
                "the ? toggle shows the teaching note");
    }

    @Test
    void theFirstStartShowsTheDemoPresetDiffStrideFromAPoorStart(FxRobot robot) throws Exception {
        ConfigDraft.Result r = fx(() -> window.form().resultProperty().get());
        assertTrue(r.valid(), r.all().toString());
        assertEquals(RunPresets.demo(), r.config(), "every setting the demo's, not only the shown ones");
        assertEquals("demo", fx(() -> robot.lookup("#preset").queryComboBox().getValue()));
        robot.interact(() -> robot.lookup("#preset").<String>queryComboBox().setValue("baseline"));
        assertEquals(DownsamplingMethod.STRIDED, fx(() -> window.form().resultProperty().get().config().model().method()));
    }

    @Test
    void anInvalidFieldDisablesStartWithTheEnginesExplanation(FxRobot robot) throws Exception {
        robot.interact(() -> window.form().set("method", "strided")); // fractional strides are fine for diffstride
        TextField stride = robot.lookup("#stride1").queryAs(TextField.class);
        robot.interact(stride::clear);
        robot.clickOn(stride).write("1.5");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1.5", fx(stride::getText));
        assertTrue(button(robot, "#startButton").isDisabled(), "Start stays disabled");
        String problems = fx(() -> robot.lookup("#configProblems").queryAs(Label.class).getText());
        assertTrue(problems.contains("strided convolution needs integer strides"), problems);
        assertTrue(fx(() -> stride.getStyleClass().contains("invalid")), "the wrong field is marked");
        assertFalse(fx(() -> robot.lookup("#stride2").query().getStyleClass().contains("invalid")),
                "only the wrong stage is marked");

        robot.interact(() -> stride.setText("2"));
        assertFalse(button(robot, "#startButton").isDisabled(), "fixed: Start is enabled again");

        TextField batch = robot.lookup("#batchSize").queryAs(TextField.class);
        robot.interact(() -> batch.setText("0"));
        assertTrue(button(robot, "#startButton").isDisabled());
        assertTrue(fx(() -> robot.lookup("#configProblems").queryAs(Label.class).getText())
                .contains("batch size must be in [1, 4096], got 0"));
        robot.interact(() -> batch.setText("many"));
        assertTrue(fx(() -> robot.lookup("#configProblems").queryAs(Label.class).getText())
                .contains("'many' is not a whole number"));
    }

    @Test
    void trainingFeedsTheChartsAndObeysPauseStepResumeStop(FxRobot robot) throws Exception {
        fillTinyRun(robot, "strided");
        robot.clickOn("#startButton");
        String run = fx(() -> window.currentRun().key());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> lossPoints(run) >= 2);
        assertTrue(fx(() -> window.views().learningRate.data(run + "/lr").size()) >= 2, "learning rate too");

        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.state() == SessionState.PAUSED));
        int paused = lossPoints(run);
        Thread.sleep(1500);
        assertEquals(paused, lossPoints(run), "no points arrive while paused");

        // while paused, the live network answers feature-map requests between steps
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.views().inspector.preview() != null));
        // (select the tab itself: a click on the text "Feature maps" may hit the panel title inside it)
        robot.interact(() -> window.views().tabs.getSelectionModel().select(window.views().featuresTab));
        awaitOrExplain(60, () -> fx(() -> window.views().featureMaps.siteCount()) >= 3);
        assertEquals(paused, lossPoints(run), "capturing feature maps trains nothing");
        robot.interact(() -> window.views().tabs.getSelectionModel().select(window.views().trainingTab));

        robot.clickOn("#stepButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lossPoints(run) == paused + 1);
        Thread.sleep(700);
        assertEquals(paused + 1, lossPoints(run), "Step trains exactly one batch");
        assertEquals(SessionState.PAUSED, fx(window::state));

        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5); // F5 resumes
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lossPoints(run) >= paused + 3);

        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> window.state() == SessionState.IDLE));
        RunFolder folder = new RunFolder(fx(() -> window.currentRun().folder()));
        assertTrue(folder.hasCheckpoint(), "stopping saved a checkpoint");
        List<String> rows = Files.readAllLines(folder.metrics());
        assertEquals(lossPoints(run), rows.size() - 1, "the run folder holds the same steps as the chart");
        assertTrue(fx(() -> window.statusBar().getText()).toLowerCase().contains("stopped"));
        assertFalse(button(robot, "#continueButton").isDisabled(), "a stopped run can be continued");

        // reopen the folder as the command line left it: its history is drawn, and it continues from the checkpoint
        int before = rows.size() - 1;
        robot.interact(() -> window.openRun(folder.path()));
        String reopened = fx(() -> window.currentRun().key());
        assertFalse(run.equals(reopened), "a reopened run gets its own colour and legend entry");
        assertEquals(before, lossPoints(reopened), "the history is read back from metrics.csv");
        robot.clickOn("#continueButton");
        awaitOrExplain(90, () -> lossPoints(reopened) >= before + 2);
        robot.clickOn("#stopButton");
        awaitOrExplain(90, () -> fx(() -> window.state() == SessionState.IDLE));
        List<Long> steps = Files.readAllLines(folder.metrics()).stream().skip(1)
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i), "the continued run carries on at the next step, no gap, no repeat");
        }
        assertTrue(steps.size() >= before + 2);
    }

    @Test
    void closingDuringARunAsksThenStopsCleanlyBeforeQuitting(FxRobot robot) throws Exception {
        startTinyRunAndAwaitItsFirstStep(robot);
        // as the window manager's close button does; not waited for: it opens a dialog
        javafx.application.Platform.runLater(() -> window.stage().fireEvent(
                new javafx.stage.WindowEvent(window.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Stop the run and quit?").tryQuery()
                .isPresent());
        assertFalse(exited.get(), "nothing quits before the user answers");
        assertTrue(fx(() -> window.stage().isShowing()));
        robot.clickOn("OK");
        awaitOrExplain(90, exited::get);
        assertEquals(SessionState.IDLE, fx(window::state), "training had stopped when the lab quit");
        assertTrue(new RunFolder(fx(() -> window.currentRun().folder())).hasCheckpoint(), "and saved its checkpoint");
        assertFalse(TrainingWorker.shared().isBusy(), "the worker is idle");
    }

    @Test
    void aSignalQuitsWithoutAskingOnceTheRunHasSavedItsCheckpoint(FxRobot robot) throws Exception {
        startTinyRunAndAwaitItsFirstStep(robot);
        // what the SIGTERM / Ctrl-C handler installed by StrideLabApp runs
        javafx.application.Platform.runLater(window::quitAfterStop);
        awaitOrExplain(90, exited::get);
        assertTrue(robot.lookup("Stop the run and quit?").tryQuery().isEmpty(), "a signal asks nothing");
        assertEquals(SessionState.IDLE, fx(window::state), "training had stopped when the lab quit");
        assertTrue(new RunFolder(fx(() -> window.currentRun().folder())).hasCheckpoint(), "and saved its checkpoint");
        assertTrue(fx(window::checkpointInWords).contains(fx(() -> window.currentRun().folder()).toString()));
    }

    @Test
    void diffStrideRunDrawsStridesAndMasksAndTakesLiveChanges(FxRobot robot) throws Exception {
        assumeTrue(MethodSupport.supported(DownsamplingMethod.DIFFSTRIDE),
                "this engine build cannot train diffstride yet: " + MethodSupport.problem(DownsamplingMethod.DIFFSTRIDE));
        fillTinyRun(robot, "diffstride");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS,
                () -> fx(() -> window.views().strideChart.data("stage2 Sh") != null
                        && window.views().strideChart.data("stage2 Sh").size() >= 2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> window.views().masks.layerCount()) >= 3);

        // Live changes, while paused: a value the engine refuses is refused in place, with its reason
        RunHandle run = fx(window::currentRun);
        assertEquals(ScheduleKind.CONSTANT, run.config().schedule().schedule(), "the demo preset's constant rate");
        robot.clickOn("#pauseButton");
        awaitOrExplain(60, () -> fx(() -> window.state() == SessionState.PAUSED));
        TextField lr = robot.lookup("#live-learningRate").queryAs(TextField.class);
        robot.interact(() -> {
            lr.setText("-1");
            lr.fireEvent(new javafx.event.ActionEvent());
        });
        String reason = run.config().toBuilder().set(Settings.LEARNING_RATE, -1.0).build().checks().get(0).message();
        assertTrue(fx(() -> lr.getStyleClass().contains("invalid")), "marked in place");
        assertTrue(fx(() -> robot.lookup("#liveMessage").queryAs(Label.class).getText()).contains(reason), "with the engine's own reason");

        // a valid one is applied while paused, logged, marked on the charts and trained with after Resume
        int before = lossPoints(run.key());
        robot.interact(() -> {
            lr.setText("0.0123");
            lr.fireEvent(new javafx.event.ActionEvent());
        });
        awaitOrExplain(30, () -> fx(() -> window.views().loss.marks().labels()).contains("lr 0.0123"));
        assertEquals(List.of("lr 0.0123"), fx(() -> window.views().strideChart.marks().labels()));
        assertEquals((double) before + 1, fx(() -> window.views().loss.marks().steps().get(0)), "from the next step");
        assertEquals(before, lossPoints(run.key()), "the change trained nothing");
        robot.clickOn("#resumeButton");
        awaitOrExplain(60, () -> lossPoints(run.key()) >= before + 2);
        var rates = fx(() -> window.views().learningRate.data(run.key() + "/lr"));
        double old = fx(() -> rates.y(before - 1));
        double changed = fx(() -> rates.y(before));
        assertTrue(old > 0.0123, "trained at the preset's rate before: " + old);
        assertEquals(0.0123, changed, 1e-12, "the metrics show the new rate from the next step");
        stopAnyRun(robot);
        List<String> log = Files.readAllLines(new RunFolder(run.folder()).changes());
        assertEquals(List.of("step,setting,value,first_batch_step", (before + 1) + ",learningRate,0.0123," + (before + 1)),
                log);
    }

    @Test
    void aPhcRunShowsTheAlgebraEachLayerLearnsAndBothParameterCounts(FxRobot robot) throws Exception {
        fillTinyRun(robot, "strided");
        robot.interact(() -> {
            window.form().set("train-limit", "256");
            window.form().set("phc", "2");
        });
        // counted off the FX thread once the form is still: ordinary and PHC convolutions side by side
        awaitOrExplain(60, () -> fx(() -> window.views().parameters.phcText()).matches("[0-9,]+"));
        long real = Long.parseLong(fx(() -> window.views().parameters.realText()).replace(",", ""));
        long phc = Long.parseLong(fx(() -> window.views().parameters.phcText()).replace(",", ""));
        assertTrue(phc < real, "PHC n=2 needs fewer parameters: " + phc + " vs " + real);
        assertTrue(phc > real / 2 - real / 10, "about half (the stem and classifier stay ordinary): " + phc);

        robot.clickOn("#startButton");
        robot.interact(() -> window.views().tabs.getSelectionModel().select(window.views().algebraTab));
        awaitOrExplain(120, () -> fx(() -> window.views().algebra.shownOrder()) == 2);
        var maps = fx(() -> window.views().algebra.heatmaps());
        assertEquals(2, maps.size(), "n = 2 matrices side by side");
        assertEquals(List.of(2, 2), fx(() -> List.of(maps.get(0).raster().width(), maps.get(0).raster().height())),
                "each n x n");
        assertTrue(fx(() -> window.views().algebra.layerNames().size()) > 1, "a selector over the PHC layers");
        assertTrue(fx(() -> window.currentRun().label().legend()).contains("PHC2"), "the legend names the order");
    }

    @Test
    void inspectorShowsATestImageAndItsCropsAtTheEnginesSizes(FxRobot robot) throws Exception {
        robot.clickOn("Crop inspector");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> window.views().inspector.preview() != null));
        robot.interact(() -> window.views().inspector.setSliders(2, 2, 4));
        float[][][] image = fx(() -> window.views().inspector.preview().image());
        CropResult strided = SpectrumTools.stridedCrop(image, 2, 2);
        CropResult fixed = SpectrumTools.spectralPoolingCrop(image, 2, 2);
        CropResult diff = SpectrumTools.diffStrideCrop(image, 2, 2, 4);
        assertEquals(size(strided), caption(robot, "#stridedSize"));
        assertEquals(size(fixed), caption(robot, "#fixedSize"));
        assertEquals(size(diff), caption(robot, "#diffStrideSize"));
        assertEquals("16\u00d716", size(fixed));
        assertEquals("24\u00d724", size(diff)); // docs/numerics.md: DiffStride at (2, 2), R = 4
        assertTrue(fx(() -> window.views().thumbnails.images().size()) > 0);

        robot.interact(() -> window.views().inspector.setSliders(3.1, 1.4, 4));
        CropResult diff2 = SpectrumTools.diffStrideCrop(image, 3.1, 1.4, 4);
        assertEquals(size(diff2), caption(robot, "#diffStrideSize"));
    }

    @Test
    void theTourWalksTheViewsWithTheKeyboardAloneAndCanBeLeftAtAnyStep(FxRobot robot) throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertEquals(0, tourStep(robot));
        assertEquals("Tour \u00b7 step 1 of 6", fx(() -> robot.lookup("#tourCounter").queryAs(Label.class).getText()));
        assertEquals(fx(() -> window.views().inspectorTab), fx(() -> window.views().tabs.getSelectionModel()
                .getSelectedItem()), "step 1 is at the inspector");
        assertTrue(fx(() -> window.views().inspectorPanel.getStyleClass().contains(GuidedTour.HIGHLIGHT)),
                "its view is outlined");
        assertTrue(fx(() -> robot.lookup("#tourText").queryAs(Label.class).getText()).contains("aliasing"));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // left at the first step
        assertFalse(fx(() -> robot.lookup("#tourLayer").query().isVisible()));
        assertFalse(fx(() -> window.views().inspectorPanel.getStyleClass().contains(GuidedTour.HIGHLIGHT)));

        robot.press(KeyCode.F1).release(KeyCode.F1); // restarted
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        }
        assertEquals(5, tourStep(robot));
        assertEquals("Tour \u00b7 step 6 of 6", fx(() -> robot.lookup("#tourCounter").queryAs(Label.class).getText()));
        assertEquals(fx(() -> window.views().compareTab), fx(() -> window.views().tabs.getSelectionModel()
                .getSelectedItem()), "the last step compares with a finished grid");
        assertTrue(fx(() -> window.views().compare.getStyleClass().contains(GuidedTour.HIGHLIGHT)));
        assertFalse(fx(() -> window.views().stridePanel.getStyleClass().contains(GuidedTour.HIGHLIGHT)),
                "only the current step's view is outlined");
        assertTrue(fx(() -> window.form().resultProperty().get().config().model().method())
                == DownsamplingMethod.DIFFSTRIDE, "step 4 filled in the demo preset");
        awaitOrExplain(60, () -> fx(() -> window.views().compare.tree.getRoot().getChildren().size()) > 0);
        awaitOrExplain(60, () -> fx(() -> window.views().compare.table.sectionCount()) > 0); // its table, not "Reading"
        assertTrue(fx(() -> window.views().compare.table.headingText()).contains("6 of 6 cells finished"));
        assertEquals("Finish", fx(() -> robot.lookup("#tourNext").queryAs(Button.class).getText()));
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN); // Finish
        assertFalse(fx(() -> robot.lookup("#tourLayer").query().isVisible()));
        assertFalse(fx(() -> window.views().compare.getStyleClass().contains(GuidedTour.HIGHLIGHT)));
        assertEquals(SessionState.IDLE, fx(window::state), "the tour trains nothing by itself");
    }

    @Test
    void anExampleRunOpensFromTheMenuWithItsCurvesStridesAndMasks(FxRobot robot) throws Exception {
        assertTrue(ExampleRuns.shipped(), "the build carries the example runs");
        robot.clickOn("#examplesMenu");
        robot.clickOn(ExampleRuns.ALL.get(1).title());
        awaitOrExplain(30, () -> fx(() -> window.currentRun() != null
                && window.currentRun().folder().endsWith("diffstride-poor-start")));
        String run = fx(() -> window.currentRun().key());
        assertTrue(lossPoints(run) >= 100, "every step's loss is drawn: " + lossPoints(run));
        assertTrue(fx(() -> window.views().strideChart.data("stage2 Sh").size()) >= 100, "the strides' history");
        assertTrue(fx(() -> window.views().masks.layerCount()) >= 3, "and the last masks");
        assertTrue(button(robot, "#continueButton").isDisabled(), "an example is finished: nothing to continue");
        assertTrue(fx(() -> window.statusBar().getText()).contains("example"));
    }

    @Test
    void aboutNamesTheVersionTheBackendItsNativesTheCpuAndJavaFx(FxRobot robot) throws Exception {
        robot.clickOn("#aboutButton");
        awaitOrExplain(60, () -> fx(() -> robot.lookup("#aboutText").tryQuery().isPresent()));
        String text = fx(() -> robot.lookup("#aboutText").queryAs(javafx.scene.control.TextArea.class).getText());
        assertTrue(text.startsWith("StrideLab 0."), text);
        for (String line : List.of("ND4J backend: CPU", "Native build: ", "CPU features: ", "Java kernels: on",
                "JavaFX: 21")) {
            assertTrue(text.contains(line), "names " + line + ": " + text);
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** Waits; on timeout fails with what the window says (status bar), not a bare TimeoutException. */
    private void startTinyRunAndAwaitItsFirstStep(FxRobot robot) throws Exception {
        fillTinyRun(robot, "strided");
        robot.clickOn("#startButton");
        String run = fx(() -> window.currentRun().key());
        awaitOrExplain(120, () -> lossPoints(run) >= 1);
    }

    private void awaitOrExplain(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s; state " + fx(window::state) + ", status: "
                    + fx(() -> window.statusBar().getText()) + "; tab: "
                    + fx(() -> window.views().tabs.getSelectionModel().getSelectedItem().getText())
                    + "; feature maps: " + fx(() -> ((Label) window.views().featureMaps.lookup("#featureMapsHeader"))
                    .getText()), e);
        }
    }

    private void fillTinyRun(FxRobot robot, String method) {
        robot.interact(() -> {
            window.form().set("method", method);
            window.form().set("width", "0.125");
            window.form().set("batch", "32");
            window.form().set("epochs", "1");
            window.form().set("train-limit", "2048");
            window.form().set("data", "generated");
        });
    }

    /** The tour's step (0-based) as its card says it, -1 when the card is hidden. */
    private static int tourStep(FxRobot robot) throws Exception {
        if (!fx(() -> robot.lookup("#tourLayer").query().isVisible())) {
            return -1;
        }
        String counter = fx(() -> robot.lookup("#tourCounter").queryAs(Label.class).getText());
        return Integer.parseInt(counter.replaceAll(".*step (\\d+) of.*", "$1")) - 1;
    }

    private int lossPoints(String run) throws Exception {
        return fx(() -> window.views().loss.points(run));
    }

    private static String caption(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText()).split(" ")[0];
    }

    private static String size(CropResult c) {
        return c.height() + "\u00d7" + c.width();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return LabWindowTests.fx(c);
    }
}
