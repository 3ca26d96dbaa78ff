package org.stridelab.engine.train.events;

/**
 * A change in a run's state; {@code message} explains failures in words a user can act on.
 * {@code STALLED} is a warning, not a change: a step has run far longer than usual (the
 * message names its phase and the last checkpoint); {@code STALL_ENDED} says it is over.
 * {@code CHANGE_REFUSED}: a live change of a hyper-parameter was not applied (the message says why).
 */
public record LifecycleEvent(String runId, Kind kind, String message) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.lifecycle(context, this);
    }


    public enum Kind { STARTED, RESUMED, PAUSED, CONTINUED, FINISHED, STOPPED, FAILED, STALLED, STALL_ENDED, CHANGE_REFUSED }
}
