package org.stridelab.engine.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * What both launchers (the lab window, the {@code stridelab} command) do before
 * anything loads ND4J, so that an installed app image needs no script around it:
 *
 * <ul>
 *   <li>Leading {@code -Dname=value} arguments become system properties (a native
 *       launcher passes its arguments to {@code main}, not to the JVM).</li>
 *   <li>ND4J's off-heap limits are sized from this machine's memory, unless given:
 *       at most 85 % of the RAM for the whole process, the heap's share left out.
 *       {@code STRIDELAB_MAX_MEMORY} (e.g. {@code 24G}) replaces the 85 %;
 *       {@code -Dorg.bytedeco.javacpp.maxphysicalbytes=...} and {@code maxbytes}
 *       replace the computation.</li>
 * </ul>
 * The RAM comes from the JVM's operating-system bean (container limits
 * included), on every platform: no {@code /proc/meminfo}.
 */
public final class LaunchEnvironment {
    /** Environment variable: the memory the whole process may use, e.g. "24G". */
    public static final String MAX_MEMORY_VARIABLE = "STRIDELAB_MAX_MEMORY";
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxphysicalbytes";
    private static final long GIB = 1L << 30;

    private LaunchEnvironment() {
    }

    /** Applies the leading {@code -D} arguments and the memory limits; returns the remaining arguments. */
    public static String[] prepare(String[] args) {
        List<String> rest = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.startsWith("-D") && a.indexOf('=') > 2) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                options = false;
                rest.add(a);
            }
        }
        if (!given(MAX_BYTES) && !given(MAX_PHYSICAL)) {
            long[] limits = nativeLimits(totalMemory(), Runtime.getRuntime().maxMemory(),
                    System.getenv(MAX_MEMORY_VARIABLE));
            System.setProperty(MAX_PHYSICAL, Long.toString(limits[1]));
            System.setProperty(MAX_BYTES, Long.toString(limits[0]));
        }
        return rest.toArray(String[]::new);
    }

    /**
     * {maxbytes, maxphysicalbytes} for ND4J: the process may use {@code maxMemory}
     * (85 % of the RAM when not given), of which the heap takes its maximum.
     *
     * @param maxMemory the environment's value, e.g. "24G"; null or blank for 85 % of the RAM
     */
    static long[] nativeLimits(long totalRam, long maxHeap, String maxMemory) {
        long physical;
        if (maxMemory != null && !maxMemory.isBlank()) {
            try {
                physical = Pointer.parseBytes(maxMemory.strip().toLowerCase(Locale.ROOT), totalRam);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_MEMORY_VARIABLE + "=" + maxMemory + " is not an amount of "
                        + "memory: write e.g. 24G, 16000M or 80%", e);
            }
        } else {
            physical = totalRam / 100 * 85;
        }
        long offHeap = Math.max(GIB, physical - maxHeap);
        return new long[] {offHeap, Math.max(physical, offHeap + maxHeap)};
    }

    private static boolean given(String property) {
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            if (e.getKey().toString().equalsIgnoreCase(property)) {
                return true;
            }
        }
        return false;
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 16 * GIB; // not a HotSpot-style JVM: a laptop's worth
    }
}
