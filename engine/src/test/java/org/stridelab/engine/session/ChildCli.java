package org.stridelab.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM, as a user runs it, so that tests can send it
 * real signals (SIGINT, SIGTERM, SIGKILL). Output goes to files in the test's
 * folder; {@link #awaitOutput} waits for a line such as a pause point's marker.
 */
final class ChildCli {
    /** Every child still to be reaped: a failed or timed-out test must not leave a paused JVM behind. */
    private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param logs  folder for the output files
     * @param props system properties for the child ({@code "stridelab.pauseAt=step:5"})
     */
    static ChildCli start(Path logs, String label, List<String> props, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1"); // a short run: C2 would spend more than it saves
        cmd.add("-Dorg.bytedeco.javacpp.maxbytes=2G");
        cmd.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=4G");
        cmd.add("-Dstridelab.home=" + logs.resolve("home"));
        props.forEach(p -> cmd.add("-D" + p));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.stridelab.engine.cli.StrideLabCommand");
        cmd.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = logs.resolve(label + ".out");
        Path err = logs.resolve(label + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        STARTED.add(p);
        return new ChildCli(p, out, err);
    }

    /** Kills every child a test left running (for an {@code @AfterEach}). */
    static void killLeftovers() {
        for (Process p : STARTED) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        STARTED.clear();
    }

    /**
     * The signal that asks this machine's children for a graceful stop, as a user
     * would: Ctrl-C (INT), unless this test JVM was started ignoring it (a background
     * job of a non-interactive shell), which its children inherit; then TERM.
     */
    static String gracefulStopSignal() {
        sun.misc.Signal sigint = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, sun.misc.SignalHandler.SIG_DFL);
        if (previous == sun.misc.SignalHandler.SIG_IGN) {
            return "TERM";
        }
        sun.misc.Signal.handle(sigint, previous);
        return "INT";
    }

    /** Waits until standard output or error holds {@code text}; fails if the process ends first or time runs out. */
    void awaitOutput(String text, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the command ended (exit " + process.exitValue() + ") before printing '"
                        + text + "':\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' within " + limit + ":\n" + output());
    }

    /** Sends a signal by name (INT, TERM, KILL) with the system's kill command. */
    void signal(String name) throws Exception {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new AssertionError("kill -" + name + " failed with " + rc);
        }
    }

    /** Waits for the exit; kills the process and fails if it does not end in time. */
    int awaitExit(Duration limit) throws Exception {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not exit within " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Runs to the end and expects success. */
    void finish(Duration limit) throws Exception {
        int rc = awaitExit(limit);
        if (rc != 0) {
            throw new AssertionError("exit " + rc + ":\n" + output());
        }
    }

    String output() throws IOException {
        return read(stdout) + read(stderr);
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
