package org.stridelab.engine.session;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for whatever trains (the commands, the lab window):
 * the first signal asks the run to stop after its current step, which then saves
 * a checkpoint, and the program exits normally once that is done (a command with
 * 130 for SIGINT or 143 for SIGTERM, see {@link #exitCode}; the window as after a
 * confirmed close). A second signal, or the bound running out (a stuck step),
 * exits at once with that code and says which checkpoint is kept.
 *
 * <p>Why signal handlers and not a shutdown hook: a hook runs while the JVM is
 * already exiting, and returning from it ends the process before the training
 * thread has reached a step boundary, which lost everything since the last epoch.
 * {@code sun.misc.Signal} (module jdk.unsupported, in every JDK) lets the command
 * decide when to exit. Where a signal cannot be handled (SIGTERM on some
 * systems), the JVM's default stays in place.
 */
public final class GracefulStop implements AutoCloseable {
    /** How long a stop may wait for the current step and its checkpoint: one full-width DiffStride step takes ~20 s. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(
            Long.getLong("stridelab.stopWaitSeconds", 120));

    /** How to quit at once, and what time it is: the JVM's, or a test's. */
    record Hooks(IntConsumer halt, LongSupplier nanoClock) {
        static final Hooks REAL = new Hooks(Runtime.getRuntime()::halt, System::nanoTime);
    }

    /** Repeats closer than this to the first signal are echoes of it (see {@link #onSignal}). */
    static final long ECHO_NANOS = 1_000_000_000L;

    private static final int SIGINT_EXIT = 130;
    private static final int SIGTERM_EXIT = 143;

    private final Runnable requestStop;
    private final Supplier<String> lastCheckpoint;
    private final Duration bound;
    private final PrintStream err;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private final Hooks hooks;
    private volatile int exitCode;
    private volatile long firstSignalNanos;
    private volatile Thread deadline;

    /**
     * @param requestStop    sets the stop flag and returns (never waits)
     * @param lastCheckpoint the checkpoint on disk now, in words
     */
    public GracefulStop(Runnable requestStop, Supplier<String> lastCheckpoint, Duration bound, PrintStream err) {
        this(requestStop, lastCheckpoint, bound, err, Hooks.REAL, true);
    }

    /** For tests: their hooks, and whether to install the handlers at all. */
    GracefulStop(Runnable requestStop, Supplier<String> lastCheckpoint, Duration bound, PrintStream err,
                 Hooks hooks, boolean installHandlers) {
        this.requestStop = requestStop;
        this.lastCheckpoint = lastCheckpoint;
        this.bound = bound;
        this.err = err;
        this.hooks = hooks;
        this.previousInt = installHandlers ? install("INT", SIGINT_EXIT) : null;
        this.previousTerm = installHandlers ? install("TERM", SIGTERM_EXIT) : null;
    }

    private SignalHandler install(String name, int code) {
        try {
            SignalHandler previous = Signal.handle(new Signal(name), s -> onSignal(name, code));
            if (previous == SignalHandler.SIG_IGN) {
                // Started ignoring it (a background job of a non-interactive shell): the JVM installs
                // nothing then, and the signal keeps being ignored, as the parent asked.
                return null;
            }
            return previous;
        } catch (IllegalArgumentException unavailable) {
            return null; // this system does not let Java handle it: the default (exit) stays
        }
    }

    /**
     * A signal arrived. A repeat within {@link #ECHO_NANOS} of the first is the
     * same request delivered twice, not a second Ctrl-C: the terminal signals the
     * whole foreground process group, and a parent such as {@code mvn javafx:run}
     * or {@code timeout} passes the signal on as well (the window under
     * {@code timeout} quit without its checkpoint before this).
     */
    synchronized void onSignal(String name, int code) {
        if (exitCode != 0) {
            if (hooks.nanoClock().getAsLong() - firstSignalNanos < ECHO_NANOS) {
                err.println("stridelab: SIG" + name + " right after the first signal: taken as the same request");
                err.flush();
                return;
            }
            err.println("stridelab: SIG" + name + " again: exiting now without waiting; the last checkpoint kept is "
                    + lastCheckpoint.get());
            err.flush();
            hooks.halt().accept(exitCode);
            return;
        }
        exitCode = code;
        firstSignalNanos = hooks.nanoClock().getAsLong();
        err.printf(Locale.ROOT, "%nstridelab: SIG%s: stopping after the current step and saving a checkpoint "
                + "(waiting up to %d s; press Ctrl-C again to quit at once)%n", name, bound.toSeconds());
        err.flush();
        requestStop.run();
        Thread t = new Thread(this::exitAfterBound, "stridelab-stop-deadline");
        t.setDaemon(true);
        deadline = t;
        t.start();
    }

    private void exitAfterBound() {
        try {
            Thread.sleep(bound.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        err.println("stridelab: the current step did not end within " + bound.toSeconds() + " s; exiting without "
                + "a new checkpoint; the last checkpoint kept is " + lastCheckpoint.get());
        err.flush();
        hooks.halt().accept(exitCode);
    }

    /** True once a signal asked for a stop. */
    public boolean signalled() {
        return exitCode != 0;
    }

    /** The command's exit code: 130 or 143 after a signal, else {@code normal}. */
    public int exitCode(int normal) {
        return exitCode != 0 ? exitCode : normal;
    }

    /** The run has ended: the deadline no longer applies (the command goes on to report), handlers are restored. */
    @Override
    public void close() {
        Thread t = deadline;
        if (t != null) {
            t.interrupt();
        }
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousTerm != null) {
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
