package org.stridelab.engine.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.Batch;
import org.stridelab.engine.data.BatchLoader;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.nn.SoftmaxCrossEntropy;

/** Runs a network in evaluation mode (running batch-norm statistics) over a dataset. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Smallest evaluation batch tried before giving up on memory. */
    public static final int MIN_BATCH = 16;

    /**
     * Evaluates in batches of {@code batchSize}, halving the batch whenever memory
     * runs out (memory other processes took since training started, say), down to
     * {@link #MIN_BATCH}; then the out-of-memory error is thrown.
     *
     * @param beforeBatch called before each batch (the stall watchdog's clock)
     */
    public static Evaluation evaluateWithinMemory(ResNet18 model, LabeledImages images, int batchSize,
                                                  Runnable beforeBatch) {
        for (int batch = Math.max(1, batchSize); ; batch = Math.max(MIN_BATCH, batch / 2)) {
            try {
                return evaluate(model, images, batch, beforeBatch);
            } catch (OutOfMemoryError oom) {
                model.clearCache();
                if (batch <= MIN_BATCH) {
                    throw oom;
                }
            }
        }
    }

    public static Evaluation evaluate(ResNet18 model, LabeledImages images, int batchSize) {
        return evaluate(model, images, batchSize, () -> { });
    }

    private static Evaluation evaluate(ResNet18 model, LabeledImages images, int batchSize, Runnable beforeBatch) {
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        try (BatchLoader loader = new BatchLoader(images, batchSize, false, 0, 0, 0, 0, 2)) {
            while (loader.hasNext()) {
                beforeBatch.run();
                Batch batch = loader.next();
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                        .getAndActivateWorkspace(Workspaces.STEP, Workspaces.STEP_ID)) {
                    INDArray x = Batches.images(batch);
                    INDArray logits = model.forward(x, false);
                    lossSum += new SoftmaxCrossEntropy().forward(logits, Batches.targets(batch)) * batch.size();
                    correct += Batches.countCorrect(logits, batch.labels());
                    seen += batch.size();
                }
            }
        }
        model.clearCache();
        return new Evaluation(seen == 0 ? Double.NaN : lossSum / seen, seen == 0 ? 0 : (double) correct / seen,
                seen);
    }
}
