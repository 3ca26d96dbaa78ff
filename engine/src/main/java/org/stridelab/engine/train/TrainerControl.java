package org.stridelab.engine.train;

/**
 * Commands from another thread (the app's buttons, a signal handler) that the
 * trainer obeys between steps. The caller never waits on training: every
 * method only sets a flag and returns; the training thread is the one that
 * waits while paused.
 */
public final class TrainerControl {
    private boolean paused;
    private boolean stopRequested;
    private int stepsAllowed;
    private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<ChangeRequest> changes = new java.util.ArrayDeque<>();

    /** A live change asked for from another thread; the trainer checks and applies it between steps. */
    public record ChangeRequest(org.stridelab.engine.config.Setting<Double> setting, double value) {
    }

    /**
     * Asks for a hyper-parameter to change from the next step on (also while
     * paused: the change is applied, and reported, at once). The trainer checks it
     * again with {@link LiveSettings#refusal} and reports a refusal as an event;
     * check it first to refuse in place. The caller does not wait.
     */
    public synchronized void change(org.stridelab.engine.config.Setting<Double> setting, double value) {
        changes.add(new ChangeRequest(setting, value));
        notifyAll();
    }

    private synchronized ChangeRequest pollChange() {
        return changes.poll();
    }

    /**
     * Runs {@code task} on the training thread at the next step boundary (also
     * while paused): the only safe moment to read the live network, e.g. to
     * compute feature maps for the lab. The caller does not wait.
     */
    public synchronized void runBetweenSteps(Runnable task) {
        tasks.add(task);
        notifyAll();
    }

    private void runTasks() {
        Runnable t;
        while ((t = pollTask()) != null) {
            t.run();
        }
    }

    private synchronized Runnable pollTask() {
        return tasks.poll();
    }

    public synchronized void pause() {
        paused = true;
        notifyAll();
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Stops at the next step boundary; the trainer saves a checkpoint first. */
    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    /** While paused, lets exactly one more batch through (for teaching). */
    public synchronized void stepOnce() {
        paused = true;
        stepsAllowed++;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopRequested() {
        return stopRequested;
    }

    /**
     * Called by the training thread before each step: returns true to run the
     * step, false to stop. Blocks while paused.
     *
     * @param onPause  called once (on the training thread) when a wait begins
     * @param onChange applies a requested live change (on the training thread)
     */
    boolean awaitTurn(Runnable onPause, Runnable onContinue, java.util.function.Consumer<ChangeRequest> onChange)
            throws InterruptedException {
        boolean waited = false;
        while (true) {
            runTasks();
            ChangeRequest c;
            while ((c = pollChange()) != null) {
                onChange.accept(c);
            }
            synchronized (this) {
                if (stopRequested) {
                    return false;
                }
                if (!paused) {
                    if (waited) {
                        onContinue.run();
                    }
                    return true;
                }
                if (stepsAllowed > 0) {
                    stepsAllowed--;
                    return true;
                }
                if (!waited) {
                    waited = true;
                    onPause.run();
                }
                if (tasks.isEmpty() && changes.isEmpty()) {
                    wait();
                }
            }
        }
    }
}
