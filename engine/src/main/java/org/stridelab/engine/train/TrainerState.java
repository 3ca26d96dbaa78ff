package org.stridelab.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, saved in every checkpoint: the next epoch and batch to
 * run (data order and augmentation are functions of the seed, epoch and batch
 * index, so this is all a resumed run needs to see the same batches), the step
 * count, early-stopping bookkeeping, the validation history, and the running
 * sums of the epoch in progress (training loss, correct answers, images seen),
 * so that an epoch resumed from a checkpoint taken inside it reports the same
 * training loss and accuracy as one that never stopped. Checkpoints written
 * before the sums existed load with zeros there.
 */
public record TrainerState(int nextEpoch, int nextBatch, long globalStep, double bestValidationAccuracy,
                           int bestEpoch, int epochsWithoutImprovement, double elapsedSeconds,
                           List<Double> validationAccuracies, double epochLossSum, long epochCorrect,
                           long epochSeen) {

    public static TrainerState fresh() {
        return new TrainerState(0, 0, 0, -1, -1, 0, 0, List.of(), 0, 0, 0);
    }

    public TrainerState {
        validationAccuracies = List.copyOf(validationAccuracies == null ? List.of() : validationAccuracies);
    }

    /** The state after a training step: the step counter and the epoch's running sums move on. */
    TrainerState afterStep(int epoch, int nextBatch, long step, double elapsed, double batchLossSum,
                           long batchCorrect, long batchSize) {
        return new TrainerState(epoch, nextBatch, step, bestValidationAccuracy, bestEpoch, epochsWithoutImprovement,
                elapsed, validationAccuracies, epochLossSum + batchLossSum, epochCorrect + batchCorrect,
                epochSeen + batchSize);
    }

    /** The same position with an updated clock (a stop between steps). */
    TrainerState withElapsed(double elapsed) {
        return new TrainerState(nextEpoch, nextBatch, globalStep, bestValidationAccuracy, bestEpoch,
                epochsWithoutImprovement, elapsed, validationAccuracies, epochLossSum, epochCorrect, epochSeen);
    }

    TrainerState afterEpoch(int epoch, long step, double validationAccuracy, double elapsed) {
        List<Double> history = new ArrayList<>(validationAccuracies);
        history.add(validationAccuracy);
        boolean better = validationAccuracy > bestValidationAccuracy;
        return new TrainerState(epoch + 1, 0, step, better ? validationAccuracy : bestValidationAccuracy,
                better ? epoch : bestEpoch, better ? 0 : epochsWithoutImprovement + 1, elapsed, history, 0, 0, 0);
    }

    /** Training loss of the epoch so far (NaN before its first step). */
    double epochTrainLoss() {
        return epochSeen == 0 ? Double.NaN : epochLossSum / epochSeen;
    }

    /** Training accuracy of the epoch so far (NaN before its first step). */
    double epochTrainAccuracy() {
        return epochSeen == 0 ? Double.NaN : (double) epochCorrect / epochSeen;
    }
}
