package org.stridelab.engine.config;

import static org.stridelab.engine.config.SettingGroup.DATA;
import static org.stridelab.engine.config.SettingGroup.DIFFSTRIDE;
import static org.stridelab.engine.config.SettingGroup.MODEL;
import static org.stridelab.engine.config.SettingGroup.OPTIMISER;
import static org.stridelab.engine.config.SettingGroup.RUN;
import static org.stridelab.engine.config.SettingGroup.SCHEDULE;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.StrideRule;

/**
 * Every setting of a run, declared once. The record {@link RunConfig}, its
 * JSON, the {@code train} command's options, {@code grid --set} and the app's
 * form are all derived from this list; to add a setting, declare it here and
 * give it a component in its group's record.
 */
public final class Settings {
    private Settings() {
    }

    private static final String NAME_CHARACTERS = "[A-Za-z0-9._+=,-]+";

    public static final Setting<String> NAME = new Setting<>("name", RUN, ValueType.TEXT, "run", "name",
            "names the run folder: letters, digits and . _ - + = ,", null,
            v -> v.isBlank() || !v.matches(NAME_CHARACTERS)
                    ? "name must be letters, digits and . _ - + = , only (it names the run folder): '" + v + "'"
                    : null,
            RunConfig::name);

    public static final Setting<DownsamplingMethod> METHOD = new Setting<>("method", MODEL,
            ValueType.choice(DownsamplingMethod.class, DownsamplingMethod::cliName), DownsamplingMethod.STRIDED,
            "method", "strided convolution, fixed spectral pooling, or DiffStride (learned strides)", "--method",
            v -> null, c -> c.model().method());

    public static final Setting<double[]> STRIDES = new Setting<>("strides", MODEL, ValueType.STRIDES,
            new double[]{2, 2, 2}, "strides", "initial stride of stages 2, 3 and 4, e.g. 2,2,2 or 3,1.5,2 "
            + "(fractional strides for spectral and diffstride)", "--strides",
            v -> StrideRule.problem(null, v), c -> c.model().strides());

    public static final Setting<Double> WIDTH = Setting.number("width", MODEL, ValueType.DECIMAL, 0.25,
            Range.openClosed(0, 4), "width", "width multiplier: 1 = 64..512 filters, 0.25 = 16..128", "--width",
            c -> c.model().width());

    public static final Setting<Integer> PHC = Setting.number("phc", MODEL, ValueType.WHOLE, 0,
            Range.closed(2, 4).orZeroForOff(), "PHC order", "parameterised hypercomplex convolutions of order n: "
            + "about 1/n of the weights, each layer learns its own n x n algebra", "--phc", c -> c.model().phc());

    public static final Setting<Double> SMOOTHNESS = Setting.number("smoothness", DIFFSTRIDE, ValueType.DECIMAL,
            4.0, Range.atLeast(0), "smoothness R", "DiffStride's mask ramp width in frequency bins", "--smoothness",
            c -> c.diffStride().smoothness());

    public static final Setting<Boolean> SHARED_STRIDE = new Setting<>("sharedStride", DIFFSTRIDE,
            ValueType.BOOLEAN, false, "shared stride", "DiffStride learns one stride for both axes",
            "--shared-stride", v -> null, c -> c.diffStride().sharedStride());

    public static final Setting<Double> STRIDE_LR = Setting.number("strideLrMultiplier", DIFFSTRIDE,
            ValueType.DECIMAL, 1.0, Range.atLeast(0), "stride learning-rate multiplier",
            "the strides' learning rate over the base rate", "--stride-lr", c -> c.diffStride().strideLrMultiplier());

    public static final Setting<Double> STRIDE_MIN = Setting.number("strideMin", DIFFSTRIDE, ValueType.DECIMAL,
            0.0, Range.atLeast(1).orZeroForOff(), "lower stride limit", "DiffStride's smallest allowed stride",
            "--stride-min", c -> c.diffStride().strideMin());

    public static final Setting<Double> STRIDE_MAX = Setting.number("strideMax", DIFFSTRIDE, ValueType.DECIMAL,
            0.0, Range.atLeast(1).orZeroForOff(), "upper stride limit", "DiffStride's largest allowed stride",
            "--stride-max", c -> c.diffStride().strideMax());

    public static final Setting<Double> COST_LAMBDA = Setting.number("costLambda", DIFFSTRIDE, ValueType.DECIMAL,
            0.0, Range.atLeast(0), "cost lambda", "weight of the computational-cost regulariser, 0 = off",
            "--cost-lambda", c -> c.diffStride().costLambda());

    public static final Setting<OptimizerKind> OPTIMIZER = new Setting<>("optimizer", OPTIMISER,
            ValueType.choice(OptimizerKind.class, k -> k.name().toLowerCase(Locale.ROOT)), OptimizerKind.SGD,
            "optimiser", "SGD with Nesterov momentum, or Adam", "--optimizer", v -> null,
            c -> c.optimiser().optimizer());

    public static final Setting<Double> LEARNING_RATE = Setting.number("learningRate", OPTIMISER,
            ValueType.DECIMAL, 0.1, Range.openClosed(0, 10), "learning rate", "base learning rate, before the schedule",
            "--lr", c -> c.optimiser().learningRate());

    public static final Setting<Double> MOMENTUM = Setting.number("momentum", OPTIMISER, ValueType.DECIMAL, 0.9,
            Range.closedOpen(0, 1), "momentum", "SGD's momentum", "--momentum", c -> c.optimiser().momentum());

    public static final Setting<Double> WEIGHT_DECAY = Setting.number("weightDecay", OPTIMISER, ValueType.DECIMAL,
            5e-4, Range.closedOpen(0, 1), "weight decay", "L2 weight decay", "--weight-decay",
            c -> c.optimiser().weightDecay());

    public static final Setting<ScheduleKind> SCHEDULE_KIND = new Setting<>("schedule", SCHEDULE,
            ValueType.choice(ScheduleKind.class, k -> k.name().toLowerCase(Locale.ROOT)), ScheduleKind.COSINE,
            "schedule", "learning-rate schedule: constant, step or cosine", "--schedule", v -> null,
            c -> c.schedule().schedule());

    public static final Setting<Integer> EPOCHS = Setting.number("epochs", SCHEDULE, ValueType.WHOLE, 10,
            Range.atLeast(1), "epochs", "passes over the training images", "--epochs", c -> c.schedule().epochs());

    public static final Setting<Integer> STEP_EPOCHS = Setting.number("stepEpochs", SCHEDULE, ValueType.WHOLE, 30,
            Range.atLeast(1), "epochs per step", "step schedule: epochs between decays", "--step-epochs",
            c -> c.schedule().stepEpochs());

    public static final Setting<Double> STEP_GAMMA = Setting.number("stepGamma", SCHEDULE, ValueType.DECIMAL, 0.1,
            Range.openClosed(0, 1), "gamma", "step schedule: decay factor", "--gamma", c -> c.schedule().stepGamma());

    public static final Setting<Integer> PATIENCE = Setting.number("patience", SCHEDULE, ValueType.WHOLE, 0,
            Range.atLeast(0), "patience", "early stopping after this many epochs without a better validation "
            + "accuracy, 0 = off", "--patience", c -> c.schedule().patience());

    public static final Setting<Integer> CHECKPOINT_EVERY = Setting.number("checkpointEverySteps", SCHEDULE,
            ValueType.WHOLE, 0, Range.atLeast(0), "checkpoint interval", "also checkpoint every N steps, 0 = once "
            + "an epoch only (a kill then loses at most N steps)", "--checkpoint-every",
            c -> c.schedule().checkpointEverySteps());

    public static final Setting<String> DATA_SOURCE = new Setting<>("data", DATA, ValueType.TEXT, "generated",
            "data", "cifar10 (downloaded if missing), generated (offline) or a folder or archive in CIFAR-10's "
            + "binary layout", "--data", v -> v.isBlank() ? "data is missing: use cifar10, generated or a path" : null,
            c -> c.data().source());

    public static final Setting<Integer> TRAIN_LIMIT = Setting.number("trainLimit", DATA, ValueType.WHOLE, 0,
            Range.atLeast(0), "train limit", "use only the first N training images, 0 = all", "--train-limit",
            c -> c.data().trainLimit());

    public static final Setting<Integer> BATCH_SIZE = Setting.number("batchSize", DATA, ValueType.WHOLE, 128,
            Range.closed(1, 4096), "batch size", "images per step", "--batch", c -> c.data().batchSize());

    public static final Setting<Boolean> AUGMENT = new Setting<>("augment", DATA, ValueType.BOOLEAN, true,
            "augment", "random crop and horizontal flip of the training images", "--augment", v -> null,
            c -> c.data().augment());

    public static final Setting<Double> MIXUP = Setting.number("mixupAlpha", DATA, ValueType.DECIMAL, 0.0,
            Range.atLeast(0), "mixup alpha", "mixup's Beta(alpha, alpha), 0 = off", "--mixup",
            c -> c.data().mixupAlpha());

    public static final Setting<Long> SEED = new Setting<>("seed", RUN, ValueType.LONG, 1L, "seed",
            "seed for initialisation, data order and augmentation", "--seed", v -> null, RunConfig::seed);

    /** Every setting, in the order of the help text and of config.json. */
    public static final List<Setting<?>> ALL = List.of(NAME, METHOD, STRIDES, WIDTH, PHC, SMOOTHNESS, SHARED_STRIDE,
            STRIDE_LR, STRIDE_MIN, STRIDE_MAX, COST_LAMBDA, OPTIMIZER, LEARNING_RATE, MOMENTUM, WEIGHT_DECAY,
            SCHEDULE_KIND, EPOCHS, STEP_EPOCHS, STEP_GAMMA, PATIENCE, CHECKPOINT_EVERY, DATA_SOURCE, TRAIN_LIMIT,
            BATCH_SIZE, AUGMENT, MIXUP, SEED);

    /** Every key, for messages that list them. */
    public static List<String> keys() {
        return ALL.stream().map(Setting::key).toList();
    }

    /** The setting of a key ("learningRate"), or empty. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The setting of a flag ("--lr" or "lr"), or empty. */
    public static Optional<Setting<?>> byFlag(String flag) {
        String f = flag.startsWith("--") ? flag : "--" + flag;
        return ALL.stream().filter(s -> f.equals(s.flag())).findFirst();
    }
}
