package org.stridelab.app.config;

/**
 * The fields of the run form, each with the words the engine's
 * {@code RunConfig.problems()} messages start with, so that a message can be
 * shown next to the field it is about.
 */
public enum ConfigField {
    METHOD("method"),
    STRIDES("strides", "strided convolution needs"),
    SMOOTHNESS("smoothness"),
    WIDTH("width"),
    PHC("phc"),
    BATCH("batch"),
    EPOCHS("epochs"),
    OPTIMIZER("optimizer"),
    LEARNING_RATE("learning rate"),
    MIXUP("mixup"),
    DATA("data"),
    SEED("seed"),
    TRAIN_LIMIT("train limit");

    private final String[] prefixes;

    ConfigField(String... prefixes) {
        this.prefixes = prefixes;
    }

    /** The field a problem message is about, or null for problems the form has no field for. */
    public static ConfigField about(String problem) {
        String p = problem.toLowerCase(java.util.Locale.ROOT);
        for (ConfigField f : values()) {
            for (String prefix : f.prefixes) {
                if (p.startsWith(prefix)) {
                    return f;
                }
            }
        }
        return null;
    }
}
