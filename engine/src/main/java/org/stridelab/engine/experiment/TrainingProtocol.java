package org.stridelab.engine.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.RunConfigJson;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * The training settings every cell of a grid shares: the run settings other
 * than the grid's axes (method, strides, batch size, mixup, PHC order, seed)
 * and the name, which the grid derives from the axes. Written in grid.json as
 * one flat object of setting keys. Per-method differences (DiffStride's
 * shorter schedule in the paper) are {@link GridSpec#methodOverrides()} on top.
 *
 * @param settings a run configuration holding the shared values (its axis settings are unused)
 */
public record TrainingProtocol(RunConfig settings) {

    /** The settings that are the grid's axes or derived from them, not the protocol's. */
    private static final Set<Setting<?>> AXES = Set.of(Settings.NAME, Settings.METHOD, Settings.STRIDES,
            Settings.BATCH_SIZE, Settings.MIXUP, Settings.PHC, Settings.SEED);

    /** The protocol's settings, in declaration order. */
    public static final List<Setting<?>> SETTINGS = Settings.ALL.stream().filter(s -> !AXES.contains(s)).toList();

    /** Their keys, as in grid.json (for checking overrides and flags). */
    public static final List<String> FIELDS = SETTINGS.stream().map(Setting::key).toList();

    /** Each setting's declared default, as for a single run. */
    public static TrainingProtocol defaults() {
        return new TrainingProtocol(RunConfig.defaults());
    }

    /** Reads the settings from JSON, enum names in any case ("sgd", "SGD"); a missing setting takes its default. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TrainingProtocol fromJson(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("protocol must be a JSON object { ... }");
        }
        object.fieldNames().forEachRemaining(key -> {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' (settings: "
                        + String.join(", ", FIELDS) + ")");
            }
        });
        return new TrainingProtocol(RunConfigJson.applyFlat(RunConfig.builder(), object).build());
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        ObjectNode all = settings.toJson();
        for (Setting<?> s : SETTINGS) {
            JsonNode group = s.group().jsonKey() == null ? all : all.get(s.group().jsonKey());
            flat.set(s.key(), group.get(s.key()));
        }
        return flat;
    }

    /** One setting's value. */
    public <T> T get(Setting<T> setting) {
        return setting.read().apply(settings);
    }

    /** The run configuration of one cell: these settings at the cell's coordinates. */
    public RunConfig toRunConfig(String name, DownsamplingMethod method, double[] strides, int batchSize,
            double mixupAlpha, int phc, long seed) {
        return settings.toBuilder().set(Settings.NAME, name).set(Settings.METHOD, method)
                .set(Settings.STRIDES, strides).set(Settings.BATCH_SIZE, batchSize).set(Settings.MIXUP, mixupAlpha)
                .set(Settings.PHC, phc).set(Settings.SEED, seed).build();
    }
}
