package org.stridelab.engine.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * The batches of one epoch, prepared on a background thread so that loading and
 * augmentation hide behind training.
 *
 * <p>Training: the order is a permutation drawn from a {@code Random} seeded by
 * (seed, epoch) only; the last incomplete batch is dropped; batch b is augmented
 * with a seed derived from (seed, epoch, b). So a loader started at
 * {@code startBatch = k} (resuming mid-epoch from a checkpoint) yields exactly the
 * batches k, k+1, ... that an uninterrupted run would have seen.
 *
 * <p>Evaluation: dataset order, every image once, the last batch may be smaller,
 * no augmentation.
 *
 * <p>A daemon worker fills a bounded queue ({@code prefetch} batches deep). An
 * exception in the worker is rethrown by the next {@link #next()}. Always
 * {@link #close()} the loader (try-with-resources): that stops the worker at once.
 * Not thread-safe: one consumer.
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {

    /** Queue entry after the last batch. */
    private static final Object END = new Object();
    private static final long JOIN_MILLIS = 5_000;

    private final LabeledImages data;
    private final int batchSize;
    private final boolean training;
    private final int epoch;
    private final int batchesPerEpoch;
    private final BlockingQueue<Object> queue;
    private final Thread worker;
    private int nextBatch;
    private volatile boolean closed;

    /**
     * @param data       images to iterate
     * @param batchSize  images per batch (positive)
     * @param training   true: shuffled, augmented, incomplete last batch dropped; false: evaluation order
     * @param mixupAlpha Beta(alpha, alpha) mixup for training, 0 = off (ignored for evaluation)
     * @param seed       run seed
     * @param epoch      epoch number (part of the shuffle and augmentation seeds)
     * @param startBatch first batch to produce, 0..batchesPerEpoch (to resume mid-epoch)
     * @param prefetch   batches prepared ahead (at least 1; smaller values are raised to 1)
     */
    public BatchLoader(LabeledImages data, int batchSize, boolean training, double mixupAlpha, long seed, int epoch,
            int startBatch, int prefetch) {
        this(data, batchSize, training, mixupAlpha, seed, epoch, startBatch, prefetch, true);
    }

    /**
     * As the eight-argument constructor; {@code augment = false} turns off the random crop and
     * flip of training batches (the order is still shuffled, mixup still follows alpha).
     */
    public BatchLoader(LabeledImages data, int batchSize, boolean training, double mixupAlpha, long seed, int epoch,
            int startBatch, int prefetch, boolean augment) {
        this(data, batchSize, training, MixupPlan.constant(training ? mixupAlpha : 0), seed, epoch, startBatch,
                prefetch, augment);
    }

    /**
     * As the nine-argument constructor, with mixup's alpha read from a plan that may
     * change while the epoch runs: batch b of this epoch is training step
     * {@code epoch * batchesPerEpoch + b + 1}, and takes the plan's alpha for that step
     * when the worker begins it.
     */
    public BatchLoader(LabeledImages data, int batchSize, boolean training, MixupPlan mixup, long seed, int epoch,
            int startBatch, int prefetch, boolean augment) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.training = training;
        this.epoch = epoch;
        this.batchesPerEpoch = batchesPerEpoch(data.size(), batchSize, training);
        if (training && batchesPerEpoch == 0) {
            throw new IllegalArgumentException("The training set has " + data.size() + " images, fewer than one batch of "
                    + batchSize + ": use a batch size of at most " + data.size() + ".");
        }
        if (startBatch < 0 || startBatch > batchesPerEpoch) {
            throw new IllegalArgumentException("start batch " + startBatch + " is outside 0.." + batchesPerEpoch
                    + " (batches in this epoch)");
        }
        this.nextBatch = startBatch;
        Objects.requireNonNull(mixup, "mixup");
        int[] order = training ? shuffledOrder(data.size(), seed, epoch) : null;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, prefetch));
        this.worker = new Thread(() -> produce(mixup, augment, order, seed, startBatch),
                "stridelab-batches-" + (training ? "train" : "eval") + "-epoch-" + epoch);
        worker.setDaemon(true);
        worker.start();
    }

    /** Batches in one epoch: training drops the incomplete last batch, evaluation keeps it. */
    public static int batchesPerEpoch(int datasetSize, int batchSize, boolean training) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return training ? datasetSize / batchSize : (datasetSize + batchSize - 1) / batchSize;
    }

    /** Training batches per epoch (the incomplete last batch is dropped). */
    public static int batchesPerEpoch(int datasetSize, int batchSize) {
        return batchesPerEpoch(datasetSize, batchSize, true);
    }

    /** Batches in this loader's whole epoch (including any skipped by startBatch). */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Index within the epoch of the batch {@link #next()} returns next. */
    public int nextBatchIndex() {
        return nextBatch;
    }

    public int epoch() {
        return epoch;
    }

    /** The epoch's training order: a permutation that depends on (seed, epoch) only. */
    public static int[] shuffledOrder(int size, long seed, int epoch) {
        return Augmenter.permutation(size, new Random(Seeds.mix(seed, epoch)));
    }

    /** The augmentation seed of one training batch. */
    public static long batchSeed(long seed, int epoch, int batchIndex) {
        return Seeds.mix(seed, epoch, batchIndex, 0xA46L);
    }

    @Override
    public boolean hasNext() {
        return !closed && nextBatch < batchesPerEpoch;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the batch loader is closed" : "the epoch has no more batches");
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the next batch");
        }
        if (item instanceof Failure failure) {
            close();
            Throwable cause = failure.cause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("preparing batch " + nextBatch + " failed: " + cause, cause);
        }
        if (item == END) {
            throw new IllegalStateException("the batch worker ended early at batch " + nextBatch);
        }
        nextBatch++;
        return (Batch) item;
    }

    /** Stops the worker (promptly: it is interrupted) and drops prepared batches. Idempotent. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        queue.clear();
        if (Thread.currentThread() != worker) {
            try {
                worker.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The worker thread, for tests that check it stops. */
    Thread worker() {
        return worker;
    }

    private void produce(MixupPlan mixup, boolean augment, int[] order, long seed, int startBatch) {
        try {
            for (int b = startBatch; b < batchesPerEpoch && !closed; b++) {
                double alpha = training ? mixup.begin((long) epoch * batchesPerEpoch + b + 1) : 0;
                queue.put(makeBatch(new Augmenter(alpha, augment), order, seed, b));
            }
            if (!closed) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            // close() asked us to stop.
        } catch (Throwable t) {
            try {
                // put, not offer: with a full queue the failure must still reach the consumer.
                queue.put(new Failure(t));
            } catch (InterruptedException closing) {
                // close() asked us to stop; nobody is waiting for the failure.
            }
        }
    }

    private Batch makeBatch(Augmenter augmenter, int[] order, long seed, int b) {
        int from = b * batchSize;
        int to = Math.min(from + batchSize, data.size());
        int[] indices = new int[to - from];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = training ? order[from + k] : from + k;
        }
        return training
                ? augmenter.trainingBatch(data, indices, batchSeed(seed, epoch, b))
                : Augmenter.evaluationBatch(data, indices);
    }

    /** What the worker leaves in the queue when it fails. */
    private record Failure(Throwable cause) {
    }
}
