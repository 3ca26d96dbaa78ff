package org.stridelab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The signal logic without real signals (the process tests in
 * {@link RunLifecycleProcessTest} send real ones): one stop request per
 * signal burst, a deliberate second signal quits at once.
 */
class GracefulStopTest {
    private final AtomicInteger stopRequests = new AtomicInteger();
    private final List<Integer> halts = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    private GracefulStop stop() {
        return new GracefulStop(stopRequests::incrementAndGet, () -> "checkpoint.zip of step 7", Duration.ofHours(1),
                new PrintStream(messages, true, StandardCharsets.UTF_8), new GracefulStop.Hooks(halts::add, now::get), false);
    }

    @Test
    void aSignalAsksForOneStopAndSetsTheExitCode() {
        try (GracefulStop s = stop()) {
            assertFalse(s.signalled());
            s.onSignal("TERM", 143);
            assertTrue(s.signalled());
            assertEquals(143, s.exitCode(0));
            assertEquals(1, stopRequests.get());
            assertTrue(halts.isEmpty(), "the run is left to reach its step boundary");
        }
    }

    @Test
    void theSameSignalPassedOnByAParentIsOneRequest() {
        try (GracefulStop s = stop()) {
            s.onSignal("INT", 130); // the terminal, to the whole process group
            now.addAndGet(GracefulStop.ECHO_NANOS / 10);
            s.onSignal("TERM", 143); // mvn or timeout passing it on
            assertTrue(halts.isEmpty(), "an echo must not quit before the checkpoint: " + text());
            assertEquals(1, stopRequests.get());
            assertEquals(130, s.exitCode(0), "the first signal decides the exit code");
            assertTrue(text().contains("same request"), text());
        }
    }

    @Test
    void aSecondSignalLaterQuitsAtOnceAndNamesTheCheckpointKept() {
        try (GracefulStop s = stop()) {
            s.onSignal("INT", 130);
            now.addAndGet(GracefulStop.ECHO_NANOS * 3);
            s.onSignal("INT", 130);
            assertEquals(List.of(130), halts);
            assertEquals(1, stopRequests.get());
            assertTrue(text().contains("checkpoint.zip of step 7"), text());
        }
    }

    private String text() {
        return messages.toString(StandardCharsets.UTF_8);
    }
}
