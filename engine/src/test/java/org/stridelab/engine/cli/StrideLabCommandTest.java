package org.stridelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StrideLabCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    private String outText() {
        return console.outText();
    }

    private String errText() {
        return console.errText();
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        assertEquals(2, StrideLabCommand.execute("train", "--preset", "huge"));
        assertTrue(errText().contains("unknown preset 'huge'"), errText());
    }

    @Test
    void unknownFlagPrintsUsageAndExits2() {
        assertEquals(2, StrideLabCommand.execute("train", "--bogus"));
        assertTrue(errText().contains("Unknown option"), errText());
        assertTrue(errText().contains("Usage: stridelab train"), errText());
    }

    @Test
    void fractionalStrideForStridedConvolutionIsRefused() {
        assertEquals(2, StrideLabCommand.execute("train", "--method", "strided", "--strides", "1.5,2,2"));
        assertTrue(errText().contains("integer strides"), errText());
    }

    @Test
    void malformedStridesAndBadValuesAreExplained() {
        assertEquals(2, StrideLabCommand.execute("train", "--strides", "two,2,2"));
        assertTrue(errText().contains("--strides"), errText());
        err.reset();
        assertEquals(2, StrideLabCommand.execute("train", "--batch", "0", "--lr", "-1"));
        assertTrue(errText().contains("batch size") && errText().contains("learning rate"), errText());
        err.reset();
        assertEquals(2, StrideLabCommand.execute("train", "--method", "maxpool"));
        assertTrue(errText().contains("strided, spectral or diffstride"), errText());
    }

    @Test
    void missingCifarExplainsHowToGetIt() {
        int code = StrideLabCommand.execute("train", "--data", "cifar10", "--out", console.home().resolve("r").toString());
        assertEquals(StrideLabCommand.RUN_FAILED, code);
        assertTrue(errText().contains("download"), errText());
    }

    @Test
    void missingPathIsExplained() {
        int code = StrideLabCommand.execute("train", "--data", console.home().resolve("nowhere").toString(), "--out",
                console.home().resolve("r2").toString());
        assertEquals(StrideLabCommand.RUN_FAILED, code);
        assertTrue(errText().contains("nowhere"), errText());
    }

    @Test
    void trainsAndEvaluatesATinyRunOnGeneratedData() throws Exception {
        Path run = console.home().resolve("tiny");
        int code = StrideLabCommand.execute("train", "--data", "generated", "--width", "0.125", "--epochs", "1",
                "--batch", "64", "--train-limit", "256", "--out", run.toString());
        assertEquals(0, code, errText());
        for (String f : new String[]{"config.json", "metrics.csv", "epochs.csv", "checkpoint.zip", "summary.json"}) {
            assertTrue(Files.exists(run.resolve(f)), f + " missing");
        }
        assertEquals(1 + 4, Files.readAllLines(run.resolve("metrics.csv")).size(), "header + 4 steps");
        assertTrue(outText().contains("generated"), "says which data it used");
        out.reset();
        assertEquals(0, StrideLabCommand.execute("evaluate", run.toString()), errText());
        assertTrue(outText().contains("test:"));
        // A finished run is not trained again by --resume.
        out.reset();
        assertEquals(0, StrideLabCommand.execute("train", "--resume", run.toString()), errText());
        assertTrue(outText().contains("already finished"));
    }

    @Test
    void refusesToOverwriteAnExistingRun() throws Exception {
        Path run = console.home().resolve("taken");
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{}");
        int code = StrideLabCommand.execute("train", "--out", run.toString());
        assertEquals(StrideLabCommand.RUN_FAILED, code);
        assertTrue(errText().contains("already holds a run"), errText());
    }
}
