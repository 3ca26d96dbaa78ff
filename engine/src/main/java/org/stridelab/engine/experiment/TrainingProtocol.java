package org.stridelab.engine.experiment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.train.RunConfig;
import org.stridelab.engine.train.LearningRateSchedule;
import org.stridelab.engine.train.Optimizer;

/**
 * The training settings every cell of a grid shares: a {@link RunConfig}
 * without the grid's axes (method, strides, batch size, mixup, PHC order,
 * seed) and without the name, which the grid derives from the axes.
 * Per-method differences (DiffStride's shorter schedule in the paper) are
 * {@link GridSpec#methodOverrides()} on top of it.
 */
public record TrainingProtocol(
        double width,
        int epochs,
        Optimizer.Kind optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        LearningRateSchedule.Kind schedule,
        int stepEpochs,
        double stepGamma,
        boolean augment,
        int patience,
        int checkpointEverySteps,
        double smoothness,
        boolean sharedStride,
        double strideLrMultiplier,
        double strideMin,
        double strideMax,
        double costLambda,
        String data,
        int trainLimit) {

    /** The names of the settings, as they appear in grid.json (for checking overrides and flags). */
    public static final List<String> FIELDS = Arrays.stream(TrainingProtocol.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /**
     * {@link RunConfig#defaults()}: the app's and the grid's defaults (width 0.25,
     * 10 epochs). {@code stridelab train}'s own flag defaults differ (width 1.0,
     * 30 epochs, the paper's network); a grid sets what it needs explicitly.
     */
    public static TrainingProtocol defaults() {
        RunConfig d = RunConfig.defaults();
        return new TrainingProtocol(d.width(), d.epochs(), d.optimizer(), d.learningRate(), d.momentum(),
                d.weightDecay(), d.schedule(), d.stepEpochs(), d.stepGamma(), d.augment(), d.patience(),
                d.checkpointEverySteps(), d.smoothness(), d.sharedStride(), d.strideLrMultiplier(), d.strideMin(),
                d.strideMax(), d.costLambda(), d.data(), d.trainLimit());
    }

    /**
     * Reads the settings from JSON, accepting the enum names in any case
     * ("sgd", "step"), as the command line does; config.json writes them as
     * "SGD", "STEP".
     */
    static TrainingProtocol fromJson(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        for (String field : ENUM_FIELDS) {
            JsonNode v = copy.get(field);
            if (v != null && v.isTextual()) {
                copy.set(field, new TextNode(v.asText().trim().toUpperCase(Locale.ROOT)));
            }
        }
        try {
            return Json.mapper().treeToValue(copy, TrainingProtocol.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static final List<String> ENUM_FIELDS = List.of("optimizer", "schedule");

    /** The run configuration of one cell: these settings at the cell's coordinates. */
    public RunConfig toRunConfig(String name, DownsamplingMethod method, double[] strides, int batchSize,
            double mixupAlpha, int phc, long seed) {
        return new RunConfig(name, method, strides, width, smoothness, sharedStride, strideLrMultiplier, strideMin,
                strideMax, costLambda, phc, batchSize, epochs, optimizer, learningRate, momentum, weightDecay,
                schedule, stepEpochs, stepGamma, mixupAlpha, augment, patience, checkpointEverySteps, data,
                trainLimit, seed);
    }
}
