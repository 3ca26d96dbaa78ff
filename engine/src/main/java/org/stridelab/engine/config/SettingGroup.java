package org.stridelab.engine.config;

/**
 * The part of a run configuration a setting belongs to; each is one nested
 * record of {@link RunConfig} and one object in {@code config.json}.
 */
public enum SettingGroup {
    /** The run's name and seed, at the top of config.json. */
    RUN,
    MODEL,
    DIFFSTRIDE,
    OPTIMISER,
    SCHEDULE,
    DATA;

    /** The object this group's settings sit in, in config.json; null for the top level. */
    public String jsonKey() {
        return switch (this) {
            case RUN -> null;
            case MODEL -> "model";
            case DIFFSTRIDE -> "diffStride";
            case OPTIMISER -> "optimiser";
            case SCHEDULE -> "schedule";
            case DATA -> "data";
        };
    }
}
