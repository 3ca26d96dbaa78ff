package org.stridelab.visualisations.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The "what am I looking at" paragraphs, one per view, written for a student
 * who knows convolution but not spectra. Kept in a resource file rather than
 * in code so that they read (and get edited) as prose.
 */
public final class TeachingNotes {
    private static final Properties NOTES = load();

    private TeachingNotes() {
    }

    /** The note for a view, or a plain statement that it has none. */
    public static String of(String key) {
        return NOTES.getProperty(key, "(no note for " + key + ")");
    }

    public static boolean has(String key) {
        return NOTES.containsKey(key);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = TeachingNotes.class.getResourceAsStream("notes.properties")) {
            if (in == null) {
                throw new IllegalStateException("notes.properties is missing from the visualisations jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
