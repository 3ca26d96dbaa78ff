package org.stridelab.engine.model;

import java.util.Locale;

/** The three ways to downsample that the lab compares, as named on the command line. */
public enum DownsamplingMethod {
    STRIDED,
    SPECTRAL,
    DIFFSTRIDE;

    /** The name on the command line and in folder names: the constant in lower case. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DownsamplingMethod parse(String text) {
        for (DownsamplingMethod m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + text + "': use strided, spectral or diffstride");
    }
}
