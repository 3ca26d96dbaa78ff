package org.stridelab.engine.cli;

import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.config.ValueType;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The run settings as command-line options, one per declared
 * {@link Settings setting} with a flag: name, help, range and default come
 * from the declaration, so the command line cannot drift from config.json or
 * the app's form. On/off settings are negatable ({@code --augment} /
 * {@code --no-augment}).
 */
final class SettingOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        RunConfig defaults = RunConfig.defaults();
        for (Setting<?> s : Settings.ALL) {
            if (s.flag() == null) {
                continue;
            }
            OptionSpec.Builder o = OptionSpec.builder(s.flag());
            if (s.type() == ValueType.BOOLEAN) {
                o.type(boolean.class).negatable(true).defaultValue(s.formatIn(defaults))
                        .description(s.help() + " (default: " + (s.formatIn(defaults).equals("true") ? "on" : "off")
                                + ")");
            } else {
                o.type(String.class).paramLabel(paramLabel(s)).description(s.help() + choices(s)
                        + " (default: " + s.formatIn(defaults) + ")");
            }
            spec.addOption(o.build());
        }
        return spec;
    }

    private static String paramLabel(Setting<?> s) {
        return "<" + s.key() + ">";
    }

    private static String choices(Setting<?> s) {
        return s.type().choices().isEmpty() ? ""
                : ": " + String.join(", ", s.type().choices().stream().map(v -> format(s, v)).toList());
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> s, Object v) {
        return s.format((T) v);
    }

    /**
     * The settings given on the command line, over {@code base} (the defaults, or a preset).
     *
     * @throws IllegalArgumentException naming the flag whose text cannot be read
     */
    static RunConfig.Builder given(CommandSpec spec, RunConfig base) {
        RunConfig.Builder b = base.toBuilder();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Setting<?> s : Settings.ALL) {
            if (s.flag() == null || !parsed.hasMatchedOption(s.flag())) {
                continue;
            }
            Object value = spec.findOption(s.flag()).getValue();
            try {
                b.setText(s, String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.flag() + ": " + e.getMessage(), e);
            }
        }
        return b;
    }
}
