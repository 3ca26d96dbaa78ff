package org.stridelab.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * For command-line tests: sends System.out and System.err into buffers and
 * points {@code stridelab.home} at a test folder, and puts all three back.
 */
final class ConsoleCapture {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    void start(Path home) {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("stridelab.home", home.toString());
    }

    void stop() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.clearProperty("stridelab.home");
    }
}
