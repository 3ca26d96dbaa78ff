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
     * @param onPause called once (on the training thread) when a wait begins
     */
    synchronized boolean awaitTurn(Runnable onPause, Runnable onContinue) throws InterruptedException {
        boolean waited = false;
        while (paused && stepsAllowed == 0 && !stopRequested) {
            if (!waited) {
                waited = true;
                onPause.run();
            }
            wait();
        }
        if (stopRequested) {
            return false;
        }
        if (paused) {
            stepsAllowed--;
        } else if (waited) {
            onContinue.run();
        }
        return true;
    }
}
