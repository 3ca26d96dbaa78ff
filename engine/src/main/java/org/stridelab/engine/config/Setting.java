package org.stridelab.engine.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One setting of a run, declared once (in {@link Settings}): its key in
 * config.json, grid.json and {@code grid --set}; its group; its type, default
 * and allowed values; its label and help for the form and the command line's
 * help; and its command-line flag. Everything that reads or shows settings is
 * derived from these declarations.
 *
 * @param key      the name in files and in {@code --set key=value}; also what a {@link ConfigProblem} names
 * @param group    the nested record and JSON object it belongs to
 * @param type     how its value is typed, read and written
 * @param fallback its default value
 * @param label    a short name for forms and messages ("learning rate")
 * @param help     one sentence for tooltips and {@code --help}
 * @param flag     the command-line option ("--lr"), or null if the command line derives it (the run's name)
 * @param check    the values it accepts on its own, as a reason or null; rules across settings are
 *                 {@link RunConfig#checks()}'s
 * @param read     its value in a configuration
 * @param range    for a number, the values it accepts (its check says the same); null otherwise
 */
public record Setting<T>(String key, SettingGroup group, ValueType<T> type, T fallback, String label, String help,
                         String flag, Function<T, String> check, Function<RunConfig, T> read, Range range) {

    /** A setting that is not a number. */
    public Setting(String key, SettingGroup group, ValueType<T> type, T fallback, String label, String help,
                   String flag, Function<T, String> check, Function<RunConfig, T> read) {
        this(key, group, type, fallback, label, help, flag, check, read, null);
    }

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(group);
        Objects.requireNonNull(type);
        Objects.requireNonNull(label);
        Objects.requireNonNull(help);
        Objects.requireNonNull(check);
        Objects.requireNonNull(read);
    }

    /** A number setting whose allowed values are {@code range}. */
    static <N extends Number> Setting<N> number(String key, SettingGroup group, ValueType<N> type, N fallback,
            Range range, String label, String help, String flag, Function<RunConfig, N> read) {
        return new Setting<>(key, group, type, fallback, label, help + " (" + range.describe() + ")", flag,
                v -> range.contains(v.doubleValue()) ? null
                        : label + " must be " + range.describe() + ", got " + type.format(v), read, range);
    }

    /** Why {@code value} is not allowed, or null when it is. */
    public String problem(T value) {
        return value == null ? label + " is missing" : check.apply(value);
    }

    /** Reads text (a flag, {@code --set}, a form field); the reason names the setting. */
    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    public String format(T value) {
        return type.format(value);
    }

    /** This setting's value in {@code config}, as text. */
    public String formatIn(RunConfig config) {
        return format(read.apply(config));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting<?> s && s.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
