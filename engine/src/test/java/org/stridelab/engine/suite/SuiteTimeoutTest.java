package org.stridelab.engine.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guards the build's promise that a hung test fails instead of hanging CI: the
 * default timeout (the module's src/test/resources/junit-platform.properties)
 * runs every test in a separate thread, which JUnit names
 * {@code junit-timeout-thread-N}. Without it the test would run on the runner's
 * main thread. Other modules extend this class to check their own configuration.
 */
public class SuiteTimeoutTest {

    @Test
    public void everyTestRunsUnderTheDefaultTimeoutInASeparateThread() {
        String thread = Thread.currentThread().getName();
        assertTrue(thread.startsWith("junit-timeout-thread"),
                "tests run on '" + thread + "': the default timeout with thread mode SEPARATE_THREAD is not set");
    }
}
