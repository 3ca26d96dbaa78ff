package org.stridelab.app.training;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Drains the event buffer at most once per frame on the FX thread, hands the
 * events to the views, then lets the views redraw once: however fast training
 * runs, the UI does a bounded amount of work per frame.
 */
public final class FrameDrain extends AnimationTimer {
    private final EventBuffer buffer;
    private final Consumer<RunEvent> apply;
    private final LongConsumer afterFrame;

    /**
     * @param apply      receives each event (FX thread)
     * @param afterFrame called once per frame after the events, with the frame time in nanoseconds
     */
    public FrameDrain(EventBuffer buffer, Consumer<RunEvent> apply, LongConsumer afterFrame) {
        this.buffer = buffer;
        this.apply = apply;
        this.afterFrame = afterFrame;
    }

    @Override
    public void handle(long now) {
        buffer.drain(apply);
        afterFrame.accept(now);
    }
}
