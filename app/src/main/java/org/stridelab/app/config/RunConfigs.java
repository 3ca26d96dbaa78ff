package org.stridelab.app.config;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.train.RunConfig;

/**
 * Builds a {@link RunConfig} as "the lab's defaults, with these fields
 * changed", by name, through the same JSON mapping that writes config.json.
 * The app never calls the record's canonical constructor: the engine adds
 * fields to it as it grows (stride limits, ...), and every new field then
 * simply keeps its default here instead of breaking the app.
 */
public final class RunConfigs {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private RunConfigs() {
    }

    /**
     * @param changes record component names and values (enums as their constant names,
     *                strides as double[])
     */
    public static RunConfig defaultsWith(Map<String, Object> changes) {
        Map<String, Object> fields = new LinkedHashMap<>(Json.mapper().convertValue(RunConfig.defaults(), MAP));
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            if (!fields.containsKey(e.getKey())) {
                throw new IllegalArgumentException("RunConfig has no field '" + e.getKey() + "'");
            }
            fields.put(e.getKey(), e.getValue());
        }
        return Json.mapper().convertValue(fields, RunConfig.class);
    }
}
