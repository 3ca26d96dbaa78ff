package org.stridelab.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-filled settings and auto-start, for demos, lectures and screenshots:
 * named parameters ({@code --method=diffstride --width=0.25 --autostart}) or
 * system properties ({@code -Dstridelab.method=diffstride -Dstridelab.autostart=true}).
 * Parameters win over properties. {@code runs} chooses the folder new runs go to;
 * {@code tab} the tab shown first (training, inspector, features, algebra, compare); {@code open} reopens run
 * folders (several separated by the path separator) so their curves are overlaid, e.g. runs made on the command
 * line; {@code compare} lists folders of runs or grids in the Compare tab with everything in them ticked.
 */
public record LaunchOptions(Map<String, String> fields, boolean autostart, String tab, String runsFolder,
                            List<String> open, List<String> compare) {
    /** Keys that fill a form field (see {@link RunConfigForm#set}): the command line's flags, without dashes. */
    public static final List<String> FIELD_KEYS = RunConfigForm.SHOWN.stream()
            .map(s -> s.flag().substring(2)).toList();

    public static LaunchOptions none() {
        return new LaunchOptions(Map.of(), false, null, null, List.of(), List.of());
    }

    /** From system properties, then the application's named parameters on top. */
    public static LaunchOptions from(Map<String, String> named, List<String> unnamed) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String k : FIELD_KEYS) {
            String v = System.getProperty("stridelab." + k);
            if (v != null) {
                fields.put(k, v);
            }
        }
        boolean autostart = Boolean.getBoolean("stridelab.autostart");
        String tab = System.getProperty("stridelab.tab");
        String runs = System.getProperty("stridelab.runs");
        String open = System.getProperty("stridelab.open");
        String compare = System.getProperty("stridelab.compare");
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (FIELD_KEYS.contains(e.getKey())) {
                fields.put(e.getKey(), e.getValue());
            } else if (e.getKey().equals("autostart")) {
                autostart = Boolean.parseBoolean(e.getValue());
            } else if (e.getKey().equals("tab")) {
                tab = e.getValue();
            } else if (e.getKey().equals("runs")) {
                runs = e.getValue();
            } else if (e.getKey().equals("open")) {
                open = e.getValue();
            } else if (e.getKey().equals("compare")) {
                compare = e.getValue();
            }
        }
        if (unnamed.contains("--autostart")) {
            autostart = true;
        }
        return new LaunchOptions(fields, autostart, tab, runs, paths(open), paths(compare));
    }

    /**
     * The named parameters this window does not understand, each with why: a run
     * setting the form does not show (use the command line's {@code train}, which
     * takes every setting), or a misspelt key. Said at start-up instead of being
     * dropped silently, so a lecture demo does not run with other values than asked.
     */
    public static List<String> ignored(Map<String, String> named) {
        List<String> navigation = List.of("autostart", "tab", "runs", "open", "compare");
        List<String> flags = org.stridelab.engine.config.Settings.ALL.stream().filter(s -> s.flag() != null)
                .map(s -> s.flag().substring(2)).toList();
        return named.keySet().stream().filter(k -> !FIELD_KEYS.contains(k) && !navigation.contains(k)).sorted()
                .map(k -> "--" + k + (flags.contains(k)
                        ? ": not a field of the window's form (the form shows " + String.join(", ", FIELD_KEYS)
                          + "); stridelab train takes it"
                        : ": not a setting of the lab"))
                .toList();
    }

    /** Several paths separated by the platform's path separator (":" or ";"), or none. */
    private static List<String> paths(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(java.io.File.pathSeparator));
    }
}
