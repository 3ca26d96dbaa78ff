package org.stridelab.app.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stridelab.engine.config.ConfigProblem;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.data.DataSourceResolver;

/**
 * The form's text turned into a {@link RunConfig}, with every problem attached
 * to its setting. Reading the text is each setting's own type's job, and the
 * rules about values are the engine's {@code RunConfig.checks()}, which name
 * the setting they are about: the app and the command line accept exactly the
 * same configurations, and no message text is read to find a field.
 */
public final class ConfigDraft {

    /**
     * @param config   the configuration, or null if some text could not be read
     * @param problems per setting shown in the form, the reasons it is wrong (empty when the config can run)
     * @param general  problems about settings the form does not show
     */
    public record Result(RunConfig config, Map<Setting<?>, List<String>> problems, List<String> general) {
        public boolean valid() {
            return config != null && problems.isEmpty() && general.isEmpty();
        }

        /** Every problem as one list, field problems first. */
        public List<String> all() {
            List<String> out = new ArrayList<>();
            problems.values().forEach(out::addAll);
            out.addAll(general);
            return out;
        }
    }

    private ConfigDraft() {
    }

    /**
     * @param text the text of each setting the form shows, in the form's order
     * @param base the values of the settings the form does not show (defaults, or a reopened run's)
     */
    public static Result parse(Map<Setting<?>, String> text, RunConfig base) {
        Map<Setting<?>, List<String>> problems = new LinkedHashMap<>();
        RunConfig.Builder b = base.toBuilder();
        text.forEach((setting, t) -> {
            try {
                b.setText(setting, t == null ? "" : t);
            } catch (IllegalArgumentException e) {
                add(problems, setting, e.getMessage());
            }
        });
        boolean parsed = problems.isEmpty();
        RunConfig config = b.build();
        List<String> general = new ArrayList<>();
        for (ConfigProblem p : config.checks()) {
            Setting<?> s = Settings.byKey(p.field()).orElse(null);
            if (s == null || !text.containsKey(s)) {
                general.add(p.message());
            } else if (!problems.containsKey(s)) { // a reading error already explains this field
                add(problems, s, p.message());
            }
        }
        String support = MethodSupport.problem(config.model().method());
        if (support != null && !support.isEmpty() && text.containsKey(Settings.METHOD)) {
            add(problems, Settings.METHOD, support);
        }
        String dataProblem = dataProblem(config.data().source());
        if (dataProblem != null && text.containsKey(Settings.DATA_SOURCE)
                && !problems.containsKey(Settings.DATA_SOURCE)) {
            add(problems, Settings.DATA_SOURCE, dataProblem);
        }
        return new Result(parsed ? config : null, ordered(problems, text), general);
    }

    private static void add(Map<Setting<?>, List<String>> problems, Setting<?> s, String message) {
        problems.computeIfAbsent(s, k -> new ArrayList<>()).add(message);
    }

    /** A path that does not exist is caught now rather than after pressing Start (the resolver says the same). */
    private static String dataProblem(String data) {
        String key = data == null ? "" : data.toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.equals(DataSourceResolver.GENERATED) || key.equals(DataSourceResolver.CIFAR10)
                || key.equals("cifar-10")) {
            return null;
        }
        try {
            if (!Files.exists(Path.of(data))) {
                return "data: no such folder or archive: " + data + " (use generated, cifar10 or an existing path)";
            }
        } catch (InvalidPathException e) {
            return "data: '" + data + "' is not a valid path";
        }
        return null;
    }

    /** In the form's order. */
    private static Map<Setting<?>, List<String>> ordered(Map<Setting<?>, List<String>> problems,
                                                        Map<Setting<?>, String> text) {
        Map<Setting<?>, List<String>> out = new LinkedHashMap<>();
        for (Setting<?> s : text.keySet()) {
            if (problems.containsKey(s)) {
                out.put(s, List.copyOf(problems.get(s)));
            }
        }
        return out;
    }
}
