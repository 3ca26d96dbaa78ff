package org.stridelab.app.presentation;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.stridelab.visualisations.charts.ChartTheme;

/**
 * What the lab remembers between starts: the zoom and the theme, in the
 * user's Java preferences (node {@code /org/stridelab/lab}, or the one the
 * system property {@code stridelab.prefs.node} names: tests use their own).
 * A store that cannot be read or written costs the remembered values, never
 * the start.
 */
public final class LabPreferences {
    private static final String ZOOM = "zoom";
    private static final String THEME = "theme";
    private final Preferences node;

    public LabPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences, or the node {@code stridelab.prefs.node} names. */
    public static LabPreferences user() {
        return new LabPreferences(Preferences.userRoot().node(System.getProperty("stridelab.prefs.node",
                "/org/stridelab/lab")));
    }

    public double zoom() {
        double z = node.getDouble(ZOOM, 1.0);
        return Double.isFinite(z) && z > 0 ? z : 1.0;
    }

    public ChartTheme theme() {
        try {
            return ChartTheme.valueOf(node.get(THEME, ChartTheme.STANDARD.name()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ChartTheme.STANDARD;
        }
    }

    public void save(double zoom, ChartTheme theme) {
        node.putDouble(ZOOM, zoom);
        node.put(THEME, theme.name());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // not remembered this time; the lab works the same
        }
    }
}
