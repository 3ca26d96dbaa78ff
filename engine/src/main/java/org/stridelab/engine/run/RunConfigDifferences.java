package org.stridelab.engine.run;

import java.util.ArrayList;
import java.util.List;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;

/** The settings in which two run configurations differ, in words, for "this folder holds another run" messages. */
public final class RunConfigDifferences {
    private RunConfigDifferences() {
    }

    /** E.g. {@code "epochs 6 (now 8), width 0.25 (now 0.5)"}: the first's value, then the second's. */
    public static String between(RunConfig onDisk, RunConfig wanted) {
        List<String> d = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            String a = text(s, onDisk);
            String b = text(s, wanted);
            if (!a.equals(b)) {
                d.add(s.key() + " " + a + " (now " + b + ")");
            }
        }
        return d.isEmpty() ? "other settings" : String.join(", ", d);
    }

    private static <T> String text(Setting<T> s, RunConfig c) {
        T v = s.read().apply(c);
        return v == null ? "none" : s.format(v);
    }
}
