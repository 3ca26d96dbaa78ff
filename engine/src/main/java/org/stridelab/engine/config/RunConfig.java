package org.stridelab.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stridelab.engine.model.ModelConfig;
import org.stridelab.engine.model.StrideRule;

/**
 * Everything that defines a run, seeds included; saved as the run folder's
 * config.json so that the app, the command line and the experiment grid can
 * reopen, resume or repeat it. Each setting is declared once in
 * {@link Settings}; this record groups their values, and its JSON form is
 * {@link RunConfigJson}'s.
 */
public record RunConfig(String name, ModelSettings model, DiffStrideSettings diffStride, OptimiserSettings optimiser,
                        ScheduleSettings schedule, DataSettings data, long seed) {

    /**
     * The lab's defaults (each setting's declared default): a strided baseline
     * on the generated data, small enough (width 0.25, 10 epochs) to finish in
     * minutes; the paper's full-width protocol is the grid's {@code paper} preset.
     */
    public static RunConfig defaults() {
        return new Builder(Map.of()).build();
    }

    /** Reads config.json: the nested shape, or the flat one older versions wrote. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RunConfig fromJson(JsonNode node) {
        return RunConfigJson.read(node);
    }

    /** The nested shape: each group's settings in one object. */
    @JsonValue
    public ObjectNode toJson() {
        return RunConfigJson.write(this);
    }

    /** Every problem with this configuration, in words; empty when it can run. */
    public List<String> problems() {
        return checks().stream().map(ConfigProblem::message).toList();
    }

    /**
     * Every problem with this configuration, each naming the setting it is
     * about (its key, as in config.json), so that a form can mark the field
     * without reading the message. Each setting's own range comes from its
     * declaration; the rules between settings are here.
     */
    public List<ConfigProblem> checks() {
        List<ConfigProblem> p = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            String problem = problemOf(s);
            if (problem != null) {
                p.add(new ConfigProblem(s.key(), problem));
            }
        }
        if (p.stream().noneMatch(c -> c.field().equals(Settings.STRIDES.key()))) {
            String strideProblem = StrideRule.problem(model.method(), model.strides());
            if (strideProblem != null) {
                p.add(new ConfigProblem(Settings.STRIDES.key(), strideProblem));
            }
        }
        if (diffStride.strideMax() != 0 && diffStride.strideMax() < diffStride.strideMin()) {
            p.add(new ConfigProblem(Settings.STRIDE_MAX.key(), "upper stride limit must be 0 (none) or >= the "
                    + "lower limit " + diffStride.strideMin() + ", got " + diffStride.strideMax()));
        }
        if (data.trainLimit() > 0 && data.batchSize() > data.trainLimit()) {
            p.add(new ConfigProblem(Settings.BATCH_SIZE.key(), "batch size " + data.batchSize() + " is larger than "
                    + "the " + data.trainLimit() + " training images of the train limit: lower the batch or raise "
                    + "the limit"));
        }
        return p;
    }

    private <T> String problemOf(Setting<T> s) {
        return s.problem(s.read().apply(this));
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if any. */
    public RunConfig validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p));
        }
        return this;
    }

    /** The network these settings build (10 classes). */
    public ModelConfig modelConfig() {
        return new ModelConfig(model.method(), model.strides(), model.width(), diffStride.options(), model.phc(), 10,
                seed);
    }

    public RunConfig withName(String newName) {
        return toBuilder().set(Settings.NAME, newName).build();
    }

    public RunConfig withEpochs(int newEpochs) {
        return toBuilder().set(Settings.EPOCHS, newEpochs).build();
    }

    /** A short label for legends: method and strides. */
    public String label() {
        return (model.method() == null ? "?" : model.method().cliName()) + " ("
                + (model.strides() == null ? "?" : Settings.STRIDES.format(model.strides())) + ")";
    }

    @Override
    public String toString() {
        return "RunConfig[" + Settings.ALL.stream().map(s -> s.key() + "=" + formatted(s))
                .collect(Collectors.joining(", ")) + "]";
    }

    private <T> String formatted(Setting<T> s) {
        T v = s.read().apply(this);
        return v == null ? "null" : s.format(v);
    }

    /** A builder starting from these values, for changing a few settings. */
    public Builder toBuilder() {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            values.put(s, s.read().apply(this));
        }
        return new Builder(values);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(Map.of());
    }

    /**
     * Sets settings by their declaration; {@link #build()} makes the record
     * (validate it with {@link #checks()}). Settings not set keep their
     * defaults.
     */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

        private Builder(Map<Setting<?>, Object> start) {
            values.putAll(start);
        }

        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /** For whole numbers written where a decimal is meant ({@code set(Settings.WIDTH, 1)}). */
        public Builder set(Setting<Double> setting, double value) {
            values.put(setting, value);
            return this;
        }

        public Builder set(Setting<Long> setting, long value) {
            values.put(setting, value);
            return this;
        }

        /** Sets a setting from text (a flag, {@code --set}, a form field); a reason naming it if unreadable. */
        public Builder setText(Setting<?> setting, String text) {
            values.put(setting, setting.parse(text));
            return this;
        }

        /** Sets a setting from its JSON value. */
        public Builder setJson(Setting<?> setting, JsonNode value) {
            try {
                values.put(setting, setting.type().fromJson(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting.key() + ": " + e.getMessage(), e);
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        private <T> T get(Setting<T> s) {
            return values.containsKey(s) ? (T) values.get(s) : s.fallback();
        }

        private double[] stridesCopy() {
            double[] s = get(Settings.STRIDES);
            return s == null ? null : s.clone();
        }

        public RunConfig build() {
            return new RunConfig(get(Settings.NAME),
                    new ModelSettings(get(Settings.METHOD), stridesCopy(), get(Settings.WIDTH), get(Settings.PHC)),
                    new DiffStrideSettings(get(Settings.SMOOTHNESS), get(Settings.SHARED_STRIDE),
                            get(Settings.STRIDE_LR), get(Settings.STRIDE_MIN), get(Settings.STRIDE_MAX),
                            get(Settings.COST_LAMBDA)),
                    new OptimiserSettings(get(Settings.OPTIMIZER), get(Settings.LEARNING_RATE),
                            get(Settings.MOMENTUM), get(Settings.WEIGHT_DECAY)),
                    new ScheduleSettings(get(Settings.SCHEDULE_KIND), get(Settings.EPOCHS),
                            get(Settings.STEP_EPOCHS), get(Settings.STEP_GAMMA), get(Settings.PATIENCE),
                            get(Settings.CHECKPOINT_EVERY)),
                    new DataSettings(get(Settings.DATA_SOURCE), get(Settings.TRAIN_LIMIT), get(Settings.BATCH_SIZE),
                            get(Settings.AUGMENT), get(Settings.MIXUP)),
                    get(Settings.SEED));
        }
    }
}
