package org.stridelab.engine.nn;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether the lab's Java kernels (batch norm's per-channel passes, its channel
 * vectors, the stem's im2col) may run. They read and write ND4J arrays through
 * the arrays' host memory, which is only where the data lives on a CPU backend:
 * on a GPU they would read stale host copies. So they run only on a CPU
 * backend; everywhere else each layer takes its path built from ND4J ops, which
 * is also what double-precision gradient checks use.
 *
 * <p>{@code -Dstridelab.hostKernels=off} forces the ND4J-op paths on a CPU too
 * (the build runs the layer tests once that way, so the paths a GPU takes are
 * tested on machines without one); {@code auto}, the default, decides by the
 * backend.
 */
public final class HostKernels {
    /** The system property that can switch the kernels off. */
    public static final String PROPERTY = "stridelab.hostKernels";
    private static final boolean ENABLED = decide(System.getProperty(PROPERTY), Nd4j.getEnvironment().isCPU());

    private HostKernels() {
    }

    /** True when the Java kernels run (CPU backend, not switched off). */
    public static boolean enabled() {
        return ENABLED;
    }

    /** In words, for {@code --version} and the About dialog. */
    public static String describe() {
        if (ENABLED) {
            return "on (CPU backend)";
        }
        return Nd4j.getEnvironment().isCPU() ? "off (" + PROPERTY + "=off): ND4J ops only"
                : "off (not a CPU backend): ND4J ops only";
    }

    /**
     * The decision, from the property's value (null = auto) and the backend.
     *
     * @throws IllegalArgumentException for a value other than auto or off
     */
    static boolean decide(String property, boolean cpuBackend) {
        String value = property == null ? "auto" : property.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> cpuBackend;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + property
                    + " is not understood: use auto (the default: on for a CPU backend) or off");
        };
    }
}
