package org.stridelab.app.training;

/**
 * One event of one run on its way from the training thread to the FX thread;
 * every {@link LabEvent} is immutable plain data, safe to hand across threads.
 */
public record RunEvent(RunHandle run, LabEvent payload) {

    /** Calls the handler's method for this event's kind. */
    public void sendTo(LabEvent.Handler handler) {
        payload.sendTo(run, handler);
    }
}
