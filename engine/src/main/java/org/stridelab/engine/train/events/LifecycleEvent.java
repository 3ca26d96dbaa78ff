package org.stridelab.engine.train.events;

/** A change in a run's state; {@code message} explains failures in words a user can act on. */
public record LifecycleEvent(String runId, Kind kind, String message) {

    public enum Kind { STARTED, RESUMED, PAUSED, CONTINUED, FINISHED, STOPPED, FAILED }
}
