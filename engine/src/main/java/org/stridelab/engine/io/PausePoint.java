package org.stridelab.engine.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places where the process-level tests can freeze a run on purpose, to
 * kill it at a known moment (mid-epoch, during evaluation, between writing a
 * checkpoint's temporary file and renaming it over the old one). Off unless the
 * JVM is started with {@code -Dstridelab.pauseAt=POINT:N}: the N-th time the code
 * reaches POINT it prints {@code stridelab: paused at POINT:N} on standard error
 * and sleeps until the process is killed (at most 10 minutes, then it exits), or, with {@code -Dstridelab.pauseMillis=T},
 * for T milliseconds (time for a test to send a signal mid-step). Costs one null
 * check otherwise.
 */
public final class PausePoint {
    /** After a training step is complete (logged and, where due, checkpointed). */
    public static final String STEP = "step";
    /** At the start of an evaluation of the validation set. */
    public static final String EVALUATION = "evaluation";
    /** Before an atomic write renames its finished temporary file; suffixed with the file name. */
    public static final String WRITE = "write:";

    private static final String WANTED = System.getProperty("stridelab.pauseAt");
    private static final long MILLIS = Long.getLong("stridelab.pauseMillis", -1);
    private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

    private PausePoint() {
    }

    public static void reach(String point) {
        if (WANTED == null) {
            return;
        }
        int colon = WANTED.lastIndexOf(':');
        if (colon < 0 || !WANTED.substring(0, colon).equals(point)) {
            return;
        }
        int count = REACHED.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
        if (Integer.parseInt(WANTED.substring(colon + 1)) != count) {
            return;
        }
        System.err.println("stridelab: paused at " + point + ":" + count);
        System.err.flush();
        if (MILLIS >= 0) {
            sleep(MILLIS);
            return;
        }
        sleep(600_000); // a kill ends this pause; a test that died without killing us ends it here
        System.err.println("stridelab: nobody killed the paused process within 10 minutes; exiting");
        Runtime.getRuntime().halt(99);
    }

    private static void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                // the pause is the point: sleep on
            }
        }
    }
}
