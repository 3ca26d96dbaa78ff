package org.stridelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StallWatchdogTest {
    private static final StallRule QUICK = new StallRule(20, 0.3, 5);

    @Test
    void aStepFarLongerThanTheMedianIsReportedOnceWithItsPhaseThenItsEnd() throws Exception {
        StepMonitor monitor = new StepMonitor();
        for (int s = 1; s <= 5; s++) { // fast steps: the median is about zero, so the 0.3 s minimum rules
            monitor.stepStarted(s);
            monitor.stepEnded();
        }
        List<StallWatchdog.Stall> reports = new CopyOnWriteArrayList<>();
        try (StallWatchdog ignored = new StallWatchdog(monitor, QUICK, Duration.ofMillis(20), reports::add)) {
            monitor.stepStarted(6);
            monitor.phase(TrainingPhase.BACKWARD);
            Thread.sleep(900); // three times the threshold: still one report
            assertEquals(1, reports.size(), "one report per stuck step");
            StallWatchdog.Stall stall = reports.get(0);
            assertFalse(stall.ended());
            assertEquals(TrainingPhase.BACKWARD, stall.snapshot().phase());
            assertEquals(6, stall.snapshot().step());
            assertTrue(stall.snapshot().secondsInUnit() > 0.3);
            monitor.stepEnded();
            long end = System.nanoTime() + 10_000_000_000L;
            while (reports.size() < 2 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        }
        assertEquals(2, reports.size(), "the end of the stuck step is reported");
        assertTrue(reports.get(1).ended());
    }

    @Test
    void aRunThatEndsWhileAStepIsReportedStuckReportsThatStepsEnd() throws Exception {
        StepMonitor monitor = new StepMonitor();
        List<StallWatchdog.Stall> reports = new CopyOnWriteArrayList<>();
        try (StallWatchdog ignored = new StallWatchdog(monitor, QUICK, Duration.ofMillis(20), reports::add)) {
            monitor.stepStarted(1);
            monitor.phase(TrainingPhase.FORWARD);
            long end = System.nanoTime() + 30_000_000_000L;
            while (reports.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            monitor.stepEnded(); // and the run returns before the watchdog looks again
        }
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(1).ended(), "the stuck step's end is reported when the watchdog closes");
    }

    @Test
    void waitingBetweenStepsIsNeverAStall() throws Exception {
        StepMonitor monitor = new StepMonitor();
        monitor.stepStarted(1);
        monitor.stepEnded();
        List<StallWatchdog.Stall> reports = new CopyOnWriteArrayList<>();
        try (StallWatchdog ignored = new StallWatchdog(monitor, QUICK, Duration.ofMillis(20), reports::add)) {
            monitor.idle(); // paused
            Thread.sleep(600);
        }
        assertTrue(reports.isEmpty(), "a paused run is not stuck: " + reports);
    }

    @Test
    void theThresholdIsTheLargerOfTheFactorAndTheMinimumAndTheFirstStepHasItsOwn() {
        StallRule rule = new StallRule(20, 60, 1200);
        assertEquals(1200, rule.thresholdSeconds(Double.NaN));
        assertEquals(60, rule.thresholdSeconds(0.5));
        assertEquals(200, rule.thresholdSeconds(10));
    }
}
