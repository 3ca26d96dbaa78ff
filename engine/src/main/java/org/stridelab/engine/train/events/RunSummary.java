package org.stridelab.engine.train.events;

import java.util.List;
import java.util.Map;

/**
 * What a finished run leaves behind (saved as summary.json).
 *
 * @param testAccuracy test accuracy of the weights with the best validation accuracy
 * @param finalStrides per spectral layer, the learned strides [Sh, Sw]
 */
public record RunSummary(String runId, String method, double[] initialStrides, int epochsRun, long steps,
                         double bestValidationAccuracy, int bestEpoch, double testAccuracy, double testLoss,
                         long parameters, long multiplyAddsPerImage, double secondsPerEpoch,
                         Map<String, double[]> finalStrides, String dataset, String stopReason,
                         List<Double> validationAccuracies) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.summary(context, this);
    }

}
