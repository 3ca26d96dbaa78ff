package org.stridelab.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * Another program that trains the same ResNet-18, run as a process for
 * {@code bench --compare}: its script beside the project, the methods it
 * trains, and how to read its median step time from the last line it prints
 * ("... step median N ms ...").
 *
 * @param name    how tables name it
 * @param script  its run.sh
 * @param methods the methods it can train
 * @param takesMethod whether the script's first argument is the method
 */
record BenchPeer(String name, Path script, List<DownsamplingMethod> methods, boolean takesMethod) {
    private static final Pattern MEDIAN = Pattern.compile("step median ([0-9.]+) ms");

    /** The two peers of ../shared/bench: plain PyTorch from Python (all methods), and PyTorch through DJL. */
    static List<BenchPeer> in(Path dir) {
        return List.of(
                new BenchPeer("Python PyTorch", dir.resolve("pytorch-python/run.sh"),
                        List.of(DownsamplingMethod.values()), true),
                new BenchPeer("DJL PyTorch", dir.resolve("pytorch-resnet18/run.sh"),
                        List.of(DownsamplingMethod.STRIDED), false));
    }

    boolean present() {
        return Files.isRegularFile(script);
    }

    boolean trains(DownsamplingMethod method) {
        return methods.contains(method);
    }

    /**
     * Runs the peer once and returns its median step time in milliseconds.
     *
     * @throws IOException naming the peer and its last output when it fails or prints no median
     */
    double medianMillis(DownsamplingMethod method, double width, int steps, int batch, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        if (takesMethod) {
            command.add(method.cliName());
        }
        command.addAll(List.of(String.format(Locale.ROOT, "%s", width), Integer.toString(steps),
                Integer.toString(batch)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name + " did not finish within " + timeoutSeconds + " s");
            }
        } finally {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        OptionalDouble median = lastMedian(output);
        if (p.exitValue() != 0 || median.isEmpty()) {
            throw new IOException(name + " (" + script + ") failed with exit code " + p.exitValue()
                    + " or printed no 'step median N ms'; its last output: " + tail(output));
        }
        return median.getAsDouble();
    }

    /** The last "step median N ms" in a peer's output. */
    static OptionalDouble lastMedian(String output) {
        Matcher m = MEDIAN.matcher(output);
        OptionalDouble last = OptionalDouble.empty();
        while (m.find()) {
            last = OptionalDouble.of(Double.parseDouble(m.group(1)));
        }
        return last;
    }

    private static String tail(String output) {
        String t = output.strip();
        return t.length() > 400 ? "..." + t.substring(t.length() - 400) : t;
    }
}
