package org.stridelab.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.ModelConfig;

/**
 * Everything that defines a run, seeds included; saved as the run folder's
 * config.json so that the app, the command line and the experiment grid can
 * reopen, resume or repeat it.
 *
 * <p>Why this file is long: each of the 27 settings appears in the record, in
 * the builder and in the checks. Declaring each setting once (name, type,
 * default, range, help, flag) and deriving the rest is the planned next step.
 */
public record RunConfig(
        String name,
        DownsamplingMethod method,
        double[] strides,
        double width,
        double smoothness,
        boolean sharedStride,
        double strideLrMultiplier,
        double strideMin,
        double strideMax,
        double costLambda,
        int phc,
        int batchSize,
        int epochs,
        Optimizer.Kind optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        LearningRateSchedule.Kind schedule,
        int stepEpochs,
        double stepGamma,
        double mixupAlpha,
        boolean augment,
        int patience,
        int checkpointEverySteps,
        String data,
        int trainLimit,
        long seed) {

    /**
     * The lab's defaults: a strided baseline on the generated data, small enough
     * (width 0.25, 10 epochs) to finish in minutes in a lecture; the paper's
     * full-width protocol is the grid's {@code paper} preset.
     */
    public static RunConfig defaults() {
        return new RunConfig("run", DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 0.25, 4.0, false, 1.0, 0, 0,
                0.0, 0, 128, 10, Optimizer.Kind.SGD, 0.1, 0.9, 5e-4, LearningRateSchedule.Kind.COSINE, 30, 0.1, 0.0,
                true, 0, 0, "generated", 0, 1);
    }

    public RunConfig {
        strides = strides == null ? null : strides.clone();
    }

    /** Every problem with this configuration, in words; empty when it can run. */
    public List<String> problems() {
        return checks().stream().map(ConfigProblem::message).toList();
    }

    /**
     * Every problem with this configuration, each naming the setting it is about
     * (the record component's name, as in config.json), so that a form can mark
     * the field without reading the message.
     */
    public List<ConfigProblem> checks() {
        List<ConfigProblem> p = new ArrayList<>();
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._+=,-]+")) {
            p.add(new ConfigProblem("name", "name must be letters, digits and . _ - + = , only (it names the run folder): '" + name + "'"));
        }
        if (method == null) {
            p.add(new ConfigProblem("method", "method is missing: use strided, spectral or diffstride"));
        }
        if (strides == null || strides.length != 3) {
            p.add(new ConfigProblem("strides", "strides: give three stage strides, e.g. 2,2,2"));
        } else {
            for (double s : strides) {
                if (!(s >= 1) || Double.isInfinite(s)) {
                    p.add(new ConfigProblem("strides", "strides must be numbers >= 1, got " + Arrays.toString(strides)));
                    break;
                }
                if (method == DownsamplingMethod.STRIDED && s != Math.rint(s)) {
                    p.add(new ConfigProblem("strides", "strided convolution needs integer strides, got " + s
                            + ": fractional strides need method spectral or diffstride"));
                    break;
                }
            }
        }
        if (!(width > 0) || width > 4) {
            p.add(new ConfigProblem("width", "width must be in (0, 4], got " + width));
        }
        if (!(smoothness >= 0)) {
            p.add(new ConfigProblem("smoothness", "smoothness R must be >= 0, got " + smoothness));
        }
        if (!(strideLrMultiplier >= 0)) {
            p.add(new ConfigProblem("strideLrMultiplier", "stride learning-rate multiplier must be >= 0, got " + strideLrMultiplier));
        }
        if (!(strideMin == 0 || strideMin >= 1) || Double.isInfinite(strideMin)) {
            p.add(new ConfigProblem("strideMin", "lower stride limit must be 0 (none) or a number >= 1, got " + strideMin));
        }
        if (!(strideMax == 0 || strideMax >= Math.max(1, strideMin)) || Double.isInfinite(strideMax)) {
            p.add(new ConfigProblem("strideMax", "upper stride limit must be 0 (none) or a number >= 1 and >= the lower limit, got " + strideMax));
        }
        if (!(costLambda >= 0)) {
            p.add(new ConfigProblem("costLambda", "cost lambda must be >= 0, got " + costLambda));
        }
        if (phc != 0 && (phc < 2 || phc > 4)) {
            p.add(new ConfigProblem("phc", "phc must be 0 (off), 2, 3 or 4, got " + phc));
        }
        if (batchSize < 1 || batchSize > 4096) {
            p.add(new ConfigProblem("batchSize", "batch size must be in 1..4096, got " + batchSize));
        }
        if (epochs < 1) {
            p.add(new ConfigProblem("epochs", "epochs must be >= 1, got " + epochs));
        }
        if (optimizer == null) {
            p.add(new ConfigProblem("optimizer", "optimizer is missing: use sgd or adam"));
        }
        if (!(learningRate > 0) || learningRate > 10) {
            p.add(new ConfigProblem("learningRate", "learning rate must be in (0, 10], got " + learningRate));
        }
        if (!(momentum >= 0 && momentum < 1)) {
            p.add(new ConfigProblem("momentum", "momentum must be in [0, 1), got " + momentum));
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            p.add(new ConfigProblem("weightDecay", "weight decay must be in [0, 1), got " + weightDecay));
        }
        if (schedule == null) {
            p.add(new ConfigProblem("schedule", "schedule is missing: use constant, step or cosine"));
        }
        if (stepEpochs < 1) {
            p.add(new ConfigProblem("stepEpochs", "step schedule: epochs per step must be >= 1, got " + stepEpochs));
        }
        if (!(stepGamma > 0 && stepGamma <= 1)) {
            p.add(new ConfigProblem("stepGamma", "step schedule: gamma must be in (0, 1], got " + stepGamma));
        }
        if (!(mixupAlpha >= 0)) {
            p.add(new ConfigProblem("mixupAlpha", "mixup alpha must be >= 0 (0 = off), got " + mixupAlpha));
        }
        if (patience < 0) {
            p.add(new ConfigProblem("patience", "patience must be >= 0 (0 = no early stopping), got " + patience));
        }
        if (checkpointEverySteps < 0) {
            p.add(new ConfigProblem("checkpointEverySteps", "checkpoint interval must be >= 0 steps (0 = once an epoch), got " + checkpointEverySteps));
        }
        if (data == null || data.isBlank()) {
            p.add(new ConfigProblem("data", "data is missing: use cifar10, generated or a path"));
        }
        if (trainLimit < 0) {
            p.add(new ConfigProblem("trainLimit", "train limit must be >= 0 (0 = all images), got " + trainLimit));
        } else if (trainLimit > 0 && batchSize > trainLimit) {
            p.add(new ConfigProblem("batchSize", "batch size " + batchSize + " is larger than the " + trainLimit
                    + " training images of the train limit: lower the batch or raise the limit"));
        }
        return p;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if any. */
    public RunConfig validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p));
        }
        return this;
    }

    public ModelConfig model() {
        return new ModelConfig(method, strides, width, smoothness, sharedStride, strideLrMultiplier,
                strideMin == 0 ? Double.NaN : strideMin, strideMax == 0 ? Double.NaN : strideMax, phc, 10, seed);
    }

    @Override
    public double[] strides() {
        return strides == null ? null : strides.clone();
    }

    public RunConfig withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public RunConfig withEpochs(int newEpochs) {
        return toBuilder().epochs(newEpochs).build();
    }

    /** A short label for legends: method and strides. */
    public String label() {
        StringBuilder b = new StringBuilder(method == null ? "?" : method.cliName()).append(' ');
        for (int i = 0; i < strides.length; i++) {
            b.append(i == 0 ? "(" : ",").append(formatStride(strides[i]));
        }
        return b.append(')').toString();
    }

    private static String formatStride(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    @Override
    public boolean equals(Object o) {
        // A record compares arrays by identity; the strides are compared by value here.
        return o instanceof RunConfig c && values().equals(c.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** Every component, with the strides as a list: what equality means for a configuration. */
    private List<Object> values() {
        return Arrays.asList(name, method, strides == null ? null : Arrays.stream(strides).boxed().toList(), width,
                smoothness, sharedStride, strideLrMultiplier, strideMin, strideMax, costLambda, phc, batchSize,
                epochs, optimizer, learningRate, momentum, weightDecay, schedule, stepEpochs, stepGamma, mixupAlpha,
                augment, patience, checkpointEverySteps, data, trainLimit, seed);
    }

    @Override
    public String toString() {
        return "RunConfig[" + name + ", " + method + ", " + Arrays.toString(strides) + ", width " + width + ", R "
                + smoothness + ", shared " + sharedStride + ", strideLr " + strideLrMultiplier + ", limits " + strideMin + ".." + strideMax + ", lambda "
                + costLambda + ", phc " + phc + ", batch " + batchSize + ", epochs " + epochs + ", " + optimizer
                + " lr " + learningRate + " momentum " + momentum + " wd " + weightDecay + ", " + schedule + "/"
                + stepEpochs + "/" + stepGamma + ", mixup " + mixupAlpha + ", augment " + augment + ", patience "
                + patience + ", ckpt " + checkpointEverySteps + ", data " + data + ", limit " + trainLimit
                + ", seed " + seed + "]";
    }

    /** A builder starting from these values, for changing a few fields by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** Sets fields by name; {@link #build()} makes the record (validate it with {@link #problems()}). */
    public static final class Builder {
        private String name;
        private DownsamplingMethod method;
        private double[] strides;
        private double width;
        private double smoothness;
        private boolean sharedStride;
        private double strideLrMultiplier;
        private double strideMin;
        private double strideMax;
        private double costLambda;
        private int phc;
        private int batchSize;
        private int epochs;
        private Optimizer.Kind optimizer;
        private double learningRate;
        private double momentum;
        private double weightDecay;
        private LearningRateSchedule.Kind schedule;
        private int stepEpochs;
        private double stepGamma;
        private double mixupAlpha;
        private boolean augment;
        private int patience;
        private int checkpointEverySteps;
        private String data;
        private int trainLimit;
        private long seed;

        private Builder(RunConfig c) {
            name = c.name();
            method = c.method();
            strides = c.strides();
            width = c.width();
            smoothness = c.smoothness();
            sharedStride = c.sharedStride();
            strideLrMultiplier = c.strideLrMultiplier();
            strideMin = c.strideMin();
            strideMax = c.strideMax();
            costLambda = c.costLambda();
            phc = c.phc();
            batchSize = c.batchSize();
            epochs = c.epochs();
            optimizer = c.optimizer();
            learningRate = c.learningRate();
            momentum = c.momentum();
            weightDecay = c.weightDecay();
            schedule = c.schedule();
            stepEpochs = c.stepEpochs();
            stepGamma = c.stepGamma();
            mixupAlpha = c.mixupAlpha();
            augment = c.augment();
            patience = c.patience();
            checkpointEverySteps = c.checkpointEverySteps();
            data = c.data();
            trainLimit = c.trainLimit();
            seed = c.seed();
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder method(DownsamplingMethod value) {
            method = value;
            return this;
        }

        public Builder strides(double[] value) {
            strides = value;
            return this;
        }

        public Builder width(double value) {
            width = value;
            return this;
        }

        public Builder smoothness(double value) {
            smoothness = value;
            return this;
        }

        public Builder sharedStride(boolean value) {
            sharedStride = value;
            return this;
        }

        public Builder strideLrMultiplier(double value) {
            strideLrMultiplier = value;
            return this;
        }

        public Builder strideMin(double value) {
            strideMin = value;
            return this;
        }

        public Builder strideMax(double value) {
            strideMax = value;
            return this;
        }

        public Builder costLambda(double value) {
            costLambda = value;
            return this;
        }

        public Builder phc(int value) {
            phc = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder optimizer(Optimizer.Kind value) {
            optimizer = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder schedule(LearningRateSchedule.Kind value) {
            schedule = value;
            return this;
        }

        public Builder stepEpochs(int value) {
            stepEpochs = value;
            return this;
        }

        public Builder stepGamma(double value) {
            stepGamma = value;
            return this;
        }

        public Builder mixupAlpha(double value) {
            mixupAlpha = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder checkpointEverySteps(int value) {
            checkpointEverySteps = value;
            return this;
        }

        public Builder data(String value) {
            data = value;
            return this;
        }

        public Builder trainLimit(int value) {
            trainLimit = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(name, method, strides, width, smoothness, sharedStride, strideLrMultiplier,
                    strideMin, strideMax, costLambda, phc, batchSize, epochs, optimizer, learningRate, momentum,
                    weightDecay, schedule, stepEpochs, stepGamma, mixupAlpha, augment, patience,
                    checkpointEverySteps, data, trainLimit, seed);
        }
    }
}
