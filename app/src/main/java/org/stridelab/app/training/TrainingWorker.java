package org.stridelab.app.training;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one thread that trains: a plain platform thread, started once from
 * {@code main} before JavaFX starts, that runs training jobs one after another.
 *
 * <p>Why not a JavaFX {@code Service} or a thread started from a button handler:
 * ND4J training run on a thread created by JavaFX has been reported to be
 * 10-15x slower than from {@code main} (native thread attributes such as CPU
 * affinity are inherited by the threads a thread creates, including OpenMP's).
 * Starting this thread from {@code main} keeps training exactly as fast as the
 * command line; the app measures both (see the report in the log).
 */
public final class TrainingWorker {
    private static volatile TrainingWorker shared;

    private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Object idleLock = new Object();
    private final Thread thread;
    private final String startedFrom;

    private TrainingWorker() {
        this.startedFrom = Thread.currentThread().getName();
        this.thread = new Thread(this::loop, "stridelab-training");
        thread.setDaemon(true); // a clean stop is the window's job; a stuck job must not keep the JVM alive
        thread.start();
    }

    /**
     * Starts the shared worker; call from {@code main} (or a test's set-up thread),
     * not from a JavaFX thread. Later calls return the same worker.
     */
    public static synchronized TrainingWorker start() {
        if (shared == null) {
            shared = new TrainingWorker();
        }
        return shared;
    }

    /** The shared worker, started here if {@link #start()} was not called first (and says so in the log). */
    public static TrainingWorker shared() {
        if (shared == null) {
            System.err.println("[stridelab] training worker started lazily from thread '"
                    + Thread.currentThread().getName() + "', not from main: training may be slower");
        }
        return start();
    }

    /** Name of the thread that started the worker (for the log and tests). */
    public String startedFrom() {
        return startedFrom;
    }

    /** Queues a job; returns at once. */
    public void submit(Runnable job) {
        synchronized (idleLock) { // together, so the loop never sees "no jobs" between the two
            busy.set(true);
            jobs.add(job);
        }
    }

    /** True while a job is queued or running. */
    public boolean isBusy() {
        return busy.get();
    }

    /** Waits (off the FX thread!) until no job is queued or running; false on timeout. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        synchronized (idleLock) {
            while (busy.get()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleLock, left);
            }
        }
        return true;
    }

    private void loop() {
        while (true) {
            Runnable job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                continue; // only a job's own cancellation interrupts; the worker lives on
            }
            try {
                job.run();
            } catch (Throwable t) {
                System.err.println("[stridelab] training job failed outside its own handling: " + t);
                t.printStackTrace();
            } finally {
                Thread.interrupted(); // never carry an interrupt into the next job
                synchronized (idleLock) {
                    if (jobs.isEmpty()) {
                        busy.set(false);
                        idleLock.notifyAll();
                    }
                }
            }
        }
    }
}
