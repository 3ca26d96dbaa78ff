package org.stridelab.engine.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.stridelab.engine.nn.HostKernels;

/**
 * What this installation actually runs on, for {@code stridelab --version} and
 * the lab's About dialog: the lab's version, the ND4J backend and native build
 * that loaded, the CPU features found, whether the Java kernels run, and Java.
 * Reading it loads ND4J (a second or two the first time).
 */
public final class RuntimeReport {
    /** The instruction-set extensions worth naming, as /proc/cpuinfo spells them. */
    private static final List<String> FEATURES = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512_vnni", "asimd", "sve");

    private RuntimeReport() {
    }

    /** The lab's version, from the build. */
    public static String version() {
        try (InputStream in = RuntimeReport.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown (not built by Maven)" : v;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** One line per fact, "name: value". */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("StrideLab " + version());
        lines.add("ND4J backend: " + backend());
        lines.add("Native build: " + nativeBuild());
        lines.add("CPU features: " + cpuFeatures(Path.of("/proc/cpuinfo")));
        lines.add("Java kernels: " + HostKernels.describe());
        lines.add("Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        return lines;
    }

    /** The backend class and what it reports of itself. */
    static String backend() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String kind = Nd4j.getEnvironment().isCPU() ? "CPU" : "GPU";
        return kind + " (" + Nd4j.getBackend().getClass().getSimpleName() + ", BLAS " + env.getProperty("blas.vendor",
                "?") + ", " + Runtime.getRuntime().availableProcessors() + " processors)";
    }

    /** The platform classifier of the natives that loaded, and the instruction level they were built for. */
    static String nativeBuild() {
        String platform = Loader.getPlatform();
        String classifier = platform;
        for (String suffix : List.of("-onednn-avx512", "-onednn-avx2", "-onednn", "-avx512", "-avx2")) {
            if (Nd4j.class.getClassLoader().getResource("META-INF/native-image/" + platform + suffix + "/") != null) {
                classifier = platform + suffix;
                break;
            }
        }
        String level;
        try {
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            level = "compiled for " + level(ops.binaryLevel()) + ", this CPU allows " + level(ops.optimalLevel())
                    + (classifier.contains("onednn") ? " (oneDNN compiles its convolutions for this CPU at run time)"
                    : "");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            level = "instruction level not reported (" + e.getMessage() + ")";
        }
        return classifier + ", " + level;
    }

    /** libnd4j's instruction levels, in words (a GPU build reports 0). */
    private static String level(int level) {
        return switch (level) {
            case 1 -> "generic x86-64";
            case 2 -> "AVX2";
            case 3 -> "AVX-512";
            default -> "no particular level";
        };
    }

    /**
     * The named extensions in the CPU's flags, read from /proc/cpuinfo on Linux; on
     * systems without it (macOS, Windows) says so instead of guessing.
     */
    static String cpuFeatures(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return "not read (no " + cpuinfo + " on this system; ND4J's level above still applies)";
        }
        try {
            Set<String> found = new TreeSet<>();
            for (String line : Files.readAllLines(cpuinfo)) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("flags") || lower.startsWith("features")) {
                    for (String flag : lower.substring(lower.indexOf(':') + 1).trim().split("\\s+")) {
                        if (FEATURES.contains(flag)) {
                            found.add(flag);
                        }
                    }
                    break;
                }
            }
            List<String> ordered = FEATURES.stream().filter(found::contains).toList();
            return ordered.isEmpty() ? "none of " + FEATURES : String.join(" ", ordered);
        } catch (IOException e) {
            return "not read (" + e.getMessage() + ")";
        }
    }
}
