package org.stridelab.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, saved in every checkpoint: the next epoch and batch to
 * run (data order and augmentation are functions of the seed, epoch and batch
 * index, so this is all a resumed run needs to see the same batches), the step
 * count, early-stopping bookkeeping and the validation history.
 */
public record TrainerState(int nextEpoch, int nextBatch, long globalStep, double bestValidationAccuracy,
                           int bestEpoch, int epochsWithoutImprovement, double elapsedSeconds,
                           List<Double> validationAccuracies) {

    public static TrainerState fresh() {
        return new TrainerState(0, 0, 0, -1, -1, 0, 0, List.of());
    }

    public TrainerState {
        validationAccuracies = List.copyOf(validationAccuracies == null ? List.of() : validationAccuracies);
    }

    TrainerState atBatch(int epoch, int batch, long step, double elapsed) {
        return new TrainerState(epoch, batch, step, bestValidationAccuracy, bestEpoch, epochsWithoutImprovement,
                elapsed, validationAccuracies);
    }

    TrainerState afterEpoch(int epoch, long step, double validationAccuracy, double elapsed) {
        List<Double> history = new ArrayList<>(validationAccuracies);
        history.add(validationAccuracy);
        boolean better = validationAccuracy > bestValidationAccuracy;
        return new TrainerState(epoch + 1, 0, step, better ? validationAccuracy : bestValidationAccuracy,
                better ? epoch : bestEpoch, better ? 0 : epochsWithoutImprovement + 1, elapsed, history);
    }
}
