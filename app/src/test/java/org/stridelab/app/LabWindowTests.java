package org.stridelab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.stridelab.app.training.SessionState;
import org.stridelab.app.training.TrainingWorker;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: reading the scene on the FX thread, and leaving no run behind. */
final class LabWindowTests {
    private LabWindowTests() {
    }

    /** {@code c}'s value, computed on the FX thread. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Presses Stop if a run is active, and waits until the window is idle and the worker has finished. */
    static void stopAnyRun(FxRobot robot, LabWindow window) throws Exception {
        if (fx(() -> window.state().isActive())) {
            robot.interact(() -> window.stage().getScene().lookup("#stopButton").fireEvent(
                    new javafx.event.ActionEvent()));
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> window.state() == SessionState.IDLE));
        }
        TrainingWorker.shared().awaitIdle(90, TimeUnit.SECONDS);
    }
}
