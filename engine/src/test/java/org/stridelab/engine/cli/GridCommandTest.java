package org.stridelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.GeneratedDataset;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.train.events.RunSummary;

class GridCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    @BeforeEach
    void floats() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** {@code grid run --out DIR ARGS} is refused as a usage error, with a message holding every word. */
    private void refused(Path dir, String[] words, String... args) {
        err.reset();
        String[] line = new String[args.length + 4];
        System.arraycopy(new String[]{"grid", "run", "--out", dir.toString()}, 0, line, 0, 4);
        System.arraycopy(args, 0, line, 4, args.length);
        assertEquals(2, StrideLabCommand.execute(line), String.join(" ", line));
        for (String w : words) {
            assertTrue(errText().contains(w), w + " in: " + errText());
        }
    }

    private String outText() {
        return console.outText();
    }

    private String errText() {
        return console.errText();
    }

    private static final String[] CELLS = {"strided_s2-2-2_b32_mix0_phc0_seed1", "strided_s3-2-3_b32_mix0_phc0_seed1",
            "diffstride_s2-2-2_b32_mix0_phc0_seed1", "diffstride_s3-2-3_b32_mix0_phc0_seed1"};

    @Test
    void aTwoByTwoGridRunsCellByCellAndMakesTheTable() throws Exception {
        Path data = GeneratedDataset.ensure(console.home().resolve("data"), 128, 100, 11);
        Path dir = console.home().resolve("grid");
        String[] grid = {"grid", "run", "--methods", "strided,diffstride", "--strides", "2,2,2", "--strides", "3,2,3",
                "--batch", "32", "--width", "0.125", "--epochs", "1", "--train-limit", "64", "--data",
                data.toString(), "--probe-images", "32", "--probe-max-shift", "1", "--out", dir.toString()};

        // One cell alone, by name.
        List<String> first = new ArrayList<>(List.of(grid));
        first.addAll(List.of("--cell", CELLS[3]));
        assertEquals(0, StrideLabCommand.execute(first.toArray(String[]::new)), errText());
        assertTrue(Files.isRegularFile(dir.resolve(CELLS[3]).resolve("summary.json")));
        for (int i = 0; i < 3; i++) {
            assertFalse(Files.exists(dir.resolve(CELLS[i])), CELLS[i] + " should not have run");
        }
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| (2, 2, 2) | — | — | — | — |"),
                "a partial grid shows missing cells");

        // The rest, continuing the grid from its grid.json: the finished cell is skipped.
        out.reset();
        assertEquals(0, StrideLabCommand.execute("grid", "run", "--out", dir.toString()), errText());
        assertTrue(outText().contains("[4/4] " + CELLS[3] + ": finished earlier"), outText());
        for (String cell : CELLS) {
            assertTrue(Files.isRegularFile(dir.resolve(cell).resolve("summary.json")), cell);
            assertTrue(Files.isRegularFile(dir.resolve(cell).resolve(GridFolder.SHIFT_FILE)), cell);
        }

        // The table: one row per stride init, an accuracy and a shift column per method, each cell's accuracy.
        out.reset();
        assertEquals(0, StrideLabCommand.execute("grid", "report", dir.toString()), errText());
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        int header = md.indexOf("| stride init | strided | shift | diffstride | shift |");
        assertTrue(header > 0, String.join("\n", md));
        String[][] rows = {row(md.get(header + 2)), row(md.get(header + 3))};
        assertEquals("", md.get(header + 4));
        assertEquals("(2, 2, 2)", rows[0][0]);
        assertEquals("(3, 2, 3)", rows[1][0]);
        for (int i = 0; i < 4; i++) {
            RunSummary s = Json.read(dir.resolve(CELLS[i]).resolve("summary.json"), RunSummary.class);
            String[] row = rows[i % 2];
            int column = i < 2 ? 1 : 3;
            assertEquals(String.format(Locale.ROOT, "%.1f", 100 * s.testAccuracy()), row[column], CELLS[i]);
            double shift = Double.parseDouble(row[column + 1]);
            assertTrue(shift >= 0 && shift <= 1, "shift consistency " + shift);
        }
        assertTrue(outText().contains("| stride init | strided | shift | diffstride | shift |"), "printed too");
        for (String f : new String[]{"report.csv", "runs.csv", "accuracy-vs-init.png", "learned-strides.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("report.csv")).size());

        // Any cell is an ordinary run folder.
        out.reset();
        assertEquals(0, StrideLabCommand.execute("evaluate", dir.resolve(CELLS[0]).toString()), errText());
        assertTrue(outText().contains("test:"), outText());

        // A shard of a finished grid: its cells (1 and 3 of 4) are only reported as done.
        out.reset();
        assertEquals(0, StrideLabCommand.execute("grid", "run", "--out", dir.toString(), "--shard", "1/2",
                "--no-report"), errText());
        assertTrue(outText().contains("[1/2] " + CELLS[0] + ": finished earlier"), outText());
        assertTrue(outText().contains("[2/2] " + CELLS[2] + ": finished earlier"), outText());
        assertFalse(outText().contains(CELLS[1]), outText());

        // Other settings for started cells are refused, not mixed in.
        err.reset();
        assertEquals(StrideLabCommand.RUN_FAILED, StrideLabCommand.execute("grid", "run", "--out", dir.toString(),
                "--epochs", "2", "--methods", "strided"));
        assertTrue(errText().contains("holds a different grid") && errText().contains("epochs"), errText());
    }

    /** The cells of a Markdown table row. */
    private static String[] row(String line) {
        String inner = line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
        return java.util.Arrays.stream(inner.split("\\|")).map(String::trim).toArray(String[]::new);
    }

    @Test
    void badFlagsPrintUsageAndExit2() throws Exception {
        Path dir = console.home().resolve("g");
        assertEquals(2, StrideLabCommand.execute("grid", "run", "--bogus", "--out", dir.toString()));
        assertTrue(errText().contains("Unknown option") && errText().contains("Usage: stridelab grid run"), errText());
        refused(dir, new String[]{"nothing to run"});
        refused(dir, new String[]{"unknown method 'maxpool'"}, "--methods", "maxpool");
        refused(dir, new String[]{"integer strides"}, "--methods", "strided", "--strides", "1.5,2,2");
        refused(dir, new String[]{"--shard", "1 <= i <= k"}, "--preset", "lecture", "--shard", "3/2");
        refused(dir, new String[]{"no cell named 'nope'"}, "--preset", "lecture", "--cell", "nope");
        refused(dir, new String[]{"mutually exclusive"}, "--preset", "lecture", "--config", "x.json");
        refused(dir, new String[]{"unknown preset 'huge'"}, "--preset", "huge");
        err.reset();
        Path config = console.home().resolve("typo.json");
        Files.writeString(config, "{\"methods\": [\"strided\"], \"protocol\": {\"epoch\": 3}}");
        assertEquals(2, StrideLabCommand.execute("grid", "run", "--out", dir.toString(), "--config",
                config.toString()));
        assertTrue(errText().contains("protocol.epoch"), errText());
        assertFalse(Files.exists(dir), "nothing is created for a refused grid");
        err.reset();
        assertEquals(StrideLabCommand.RUN_FAILED, StrideLabCommand.execute("grid", "report", console.home().toString()));
        assertTrue(errText().contains("not a grid folder"), errText());
    }

    @Test
    void describeShowsThePresetsExactSettings() throws Exception {
        assertEquals(0, StrideLabCommand.execute("grid", "describe", "--preset", "paper"), errText());
        String text = outText();
        for (String expected : new String[]{"epochs                 150", "learningRate           0.1",
                "momentum               0.9", "weightDecay            0.005", "schedule               STEP",
                "data                   cifar10", "diffstride differs in", "epochs                 40",
                "patience               10", "(3, 2, 3)", "15  diffstride_s3-2-3_b256_mix0_phc0_seed1"}) {
            assertTrue(text.contains(expected), expected + " missing in:\n" + text);
        }
        out.reset();
        assertEquals(0, StrideLabCommand.execute("grid", "--help"));
        assertTrue(outText().contains("paper") && outText().contains("lecture") && outText().contains("150 epochs"),
                outText());
        out.reset();
        Path config = console.home().resolve("small.json");
        Files.writeString(config, "{\"methods\": [\"diffstride\"], \"strideInits\": [[3, 1.5, 2]]}");
        assertEquals(0, StrideLabCommand.execute("grid", "describe", "--config", config.toString()), errText());
        assertTrue(outText().contains("diffstride_s3-1.5-2_b128_mix0_phc0_seed1"), outText());
    }
}
