package org.stridelab.engine.session;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.stridelab.engine.config.RunConfig;

/**
 * The one naming rule for new run folders, used by the command line and the app:
 * {@code METHOD-S2-S3-S4[-phcN]-yyyyMMdd-HHmmss}, strides written as typed
 * ({@code 2}, {@code 1.5}), dashes only, so a name is a safe folder name on every
 * system. Folders named by older versions (commas from the app) still open: a
 * name is only ever made, never parsed.
 */
public final class RunNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunNames() {
    }

    public static String fresh(RunConfig config, LocalDateTime at) {
        StringBuilder b = new StringBuilder(config.model().method().cliName());
        for (double s : config.model().strides()) {
            b.append('-').append(s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s));
        }
        if (config.model().phc() >= 2) {
            b.append("-phc").append(config.model().phc());
        }
        return b.append('-').append(at.format(TIME)).toString();
    }

    /** A user-given folder name made safe as a run name (letters, digits and {@code ._+=,-}). */
    public static String fromFolder(String folderName) {
        return folderName.replaceAll("[^A-Za-z0-9._+=,-]", "_");
    }
}
