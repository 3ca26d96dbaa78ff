package org.stridelab.app.training;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands events from the training thread to the FX thread without either
 * waiting for the other: a lock-free queue the trainer appends to and the FX
 * thread drains once per frame. Flooding {@code Platform.runLater} instead
 * would queue one UI task per step and starve rendering at high step rates.
 */
public final class EventBuffer {
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();

    public void offer(RunHandle run, LabEvent payload) {
        queue.add(new RunEvent(run, payload));
    }

    /** Hands every event queued so far to the consumer, oldest first; returns how many. */
    public int drain(Consumer<RunEvent> consumer) {
        int n = 0;
        RunEvent e;
        while ((e = queue.poll()) != null) {
            consumer.accept(e);
            n++;
        }
        return n;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
