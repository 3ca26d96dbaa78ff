package org.stridelab.app.training;

/** Where the current training session is, as the buttons need to know it. */
public enum SessionState {
    /** No run yet, or the last one is over: Start (and Continue) may be pressed. */
    IDLE,
    /** Data, folder and model are being prepared (possibly downloading). */
    PREPARING,
    RUNNING,
    PAUSED,
    /** Stop was pressed; the trainer finishes its step and saves a checkpoint. */
    STOPPING;

    public boolean isActive() {
        return this != IDLE;
    }
}
