package org.stridelab.app.config;

import org.stridelab.engine.train.ConfigProblem;

/**
 * The fields of the run form, each with the {@code RunConfig} settings it edits
 * (the names the engine's {@link ConfigProblem}s carry), so that a problem is
 * shown next to its field without reading its message.
 */
public enum ConfigField {
    METHOD("method"),
    STRIDES("strides"),
    SMOOTHNESS("smoothness"),
    WIDTH("width"),
    PHC("phc"),
    BATCH("batchSize"),
    EPOCHS("epochs"),
    OPTIMIZER("optimizer"),
    LEARNING_RATE("learningRate"),
    MIXUP("mixupAlpha"),
    DATA("data"),
    SEED("seed"),
    TRAIN_LIMIT("trainLimit");

    private final String setting;

    ConfigField(String setting) {
        this.setting = setting;
    }

    /** The field a problem is about, or null for settings the form has no field for. */
    public static ConfigField about(ConfigProblem problem) {
        for (ConfigField f : values()) {
            if (f.setting.equals(problem.field())) {
                return f;
            }
        }
        return null;
    }
}
