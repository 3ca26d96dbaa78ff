package org.stridelab.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * config.json, from the declarations in {@link Settings}. Written nested, one
 * object per {@link SettingGroup}:
 * <pre>{"name": ..., "model": {"method": "DIFFSTRIDE", "strides": [3, 2, 3], ...}, "diffStride": {...},
 *  "optimiser": {...}, "schedule": {...}, "data": {...}, "seed": 1}</pre>
 * Read in that shape or in the flat one earlier versions wrote (every key at
 * the top), told apart by whether "model" is an object. A setting the file
 * lacks (a file older than the setting) takes its default; keys the file has
 * and the lab does not know (a newer file) are ignored.
 */
public final class RunConfigJson {
    private RunConfigJson() {
    }

    public static ObjectNode write(RunConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Setting<?> s : Settings.ALL) {
            ObjectNode target = s.group().jsonKey() == null ? root : root.has(s.group().jsonKey())
                    ? (ObjectNode) root.get(s.group().jsonKey()) : root.putObject(s.group().jsonKey());
            put(target, s, config);
        }
        return root;
    }

    private static <T> void put(ObjectNode target, Setting<T> s, RunConfig config) {
        T v = s.read().apply(config);
        if (v == null) {
            target.putNull(s.key());
        } else {
            target.set(s.key(), s.type().toJson(v));
        }
    }

    /** @throws IllegalArgumentException naming the setting whose value cannot be read */
    public static RunConfig read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a run configuration is a JSON object, got " + node);
        }
        boolean nested = node.path(SettingGroup.MODEL.jsonKey()).isObject();
        RunConfig.Builder b = RunConfig.builder();
        for (Setting<?> s : Settings.ALL) {
            JsonNode v = nested && s.group().jsonKey() != null ? node.path(s.group().jsonKey()).get(s.key())
                    : node.get(s.key());
            if (v != null && !v.isNull()) {
                b.setJson(s, v);
            }
        }
        return b.build();
    }

    /**
     * Applies flat {@code key: value} settings (a grid's protocol or a method's
     * overrides) on top of {@code base}.
     *
     * @throws IllegalArgumentException for an unknown key or a value that cannot be read
     */
    public static RunConfig.Builder applyFlat(RunConfig.Builder base, ObjectNode settings) {
        settings.fields().forEachRemaining(e -> {
            Setting<?> s = Settings.byKey(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown setting '" + e.getKey() + "' (settings: " + String.join(", ", Settings.keys()) + ")"));
            if (!e.getValue().isNull()) {
                base.setJson(s, e.getValue());
            }
        });
        return base;
    }
}
