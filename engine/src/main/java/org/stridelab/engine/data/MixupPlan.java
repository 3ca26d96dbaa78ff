package org.stridelab.engine.data;

import java.util.Map;
import java.util.TreeMap;

/**
 * Mixup's alpha over a run, by training step (1 = the run's first batch), for
 * runs whose alpha is changed while they train.
 *
 * <p>The batch loader prepares batches ahead of training, so a new alpha cannot
 * reach the batches already prepared: it takes effect at the first batch the
 * loader has not begun ({@link #changeAtNextUnprepared}). That step is
 * returned and recorded, and a replay inserts the change at the same step
 * ({@link #changeAt}), so a resumed run sees exactly the batches the first one
 * did. Thread-safe: the loader's worker reads while the trainer changes.
 */
public final class MixupPlan {
    private final TreeMap<Long, Double> alphaFrom = new TreeMap<>();
    /** The last step whose batch the loader has begun (its alpha is fixed). */
    private long lastBegun;

    /**
     * @param alpha     the run's configured alpha
     * @param lastBegun the last step already trained or prepared (a resumed run's checkpoint step)
     */
    public MixupPlan(double alpha, long lastBegun) {
        alphaFrom.put(Long.MIN_VALUE, checked(alpha));
        this.lastBegun = lastBegun;
    }

    /** One alpha for every batch (evaluation, benchmarks, loaders outside a run). */
    public static MixupPlan constant(double alpha) {
        return new MixupPlan(alpha, Long.MIN_VALUE);
    }

    /** The alpha of a batch the loader begins now; from here on its alpha cannot change. */
    public synchronized double begin(long step) {
        lastBegun = Math.max(lastBegun, step);
        return alphaFrom.floorEntry(step).getValue();
    }

    /** The alpha a batch of this step has or will have, as far as is known now. */
    public synchronized double alphaAt(long step) {
        return alphaFrom.floorEntry(step).getValue();
    }

    /**
     * Changes alpha from the first batch the loader has not begun.
     *
     * @return that batch's step: the change's lag is this minus the step being trained
     */
    public synchronized long changeAtNextUnprepared(double alpha) {
        return changeAtNextUnprepared(alpha, Long.MIN_VALUE, step -> { });
    }

    /**
     * As {@link #changeAtNextUnprepared(double)}, but not before step {@code notBefore},
     * calling {@code record} with the step first, while no batch can begin: if it
     * throws (the change log could not be written), nothing changes.
     */
    public synchronized long changeAtNextUnprepared(double alpha, long notBefore,
                                                    java.util.function.LongConsumer record) {
        checked(alpha);
        long first = Math.max(lastBegun + 1, notBefore);
        record.accept(first);
        changeAt(first, alpha);
        return first;
    }

    /** Inserts a recorded change: alpha from {@code step} on (a replay of the change log). */
    public synchronized void changeAt(long step, double alpha) {
        alphaFrom.tailMap(step, true).clear(); // a later recorded change comes later in the log and is applied after
        alphaFrom.put(step, checked(alpha));
    }

    /** The steps at which alpha changes, with the new value (for tests and reports). */
    public synchronized Map<Long, Double> changes() {
        return Map.copyOf(alphaFrom.tailMap(Long.MIN_VALUE, false));
    }

    private static double checked(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("mixup alpha must be 0 (off) or positive, got " + alpha);
        }
        return alpha;
    }
}
