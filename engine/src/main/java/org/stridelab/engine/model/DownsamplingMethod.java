package org.stridelab.engine.model;

/** The three ways to downsample that the lab compares, as named on the command line. */
public enum DownsamplingMethod {
    STRIDED("strided"),
    SPECTRAL("spectral"),
    DIFFSTRIDE("diffstride");

    private final String cliName;

    DownsamplingMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static DownsamplingMethod parse(String text) {
        for (DownsamplingMethod m : values()) {
            if (m.cliName.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + text + "': use strided, spectral or diffstride");
    }
}
