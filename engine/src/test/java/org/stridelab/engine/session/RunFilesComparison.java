package org.stridelab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stridelab.engine.io.Json;

/**
 * Compares two run folders' results column by column, leaving out the columns
 * that measure time (images per second, elapsed and epoch seconds), which no two
 * runs share.
 */
final class RunFilesComparison {
    private static final Set<String> TIMING = Set.of("images_per_second", "elapsed_seconds", "epoch_seconds");
    private static final List<String> CSVS = List.of("metrics.csv", "epochs.csv", "strides.csv");

    private RunFilesComparison() {
    }

    static void assertSameResults(Path expected, Path actual) throws IOException {
        for (String csv : CSVS) {
            List<String> a = withoutTiming(expected.resolve(csv));
            List<String> b = withoutTiming(actual.resolve(csv));
            assertEquals(a.size(), b.size(), csv + ": row count");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i), b.get(i), csv + " row " + i);
            }
        }
        assertEquals(summaryWithoutTiming(expected), summaryWithoutTiming(actual), "summary.json");
    }

    private static List<String> withoutTiming(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < header.length; c++) {
                if (!TIMING.contains(header[c])) {
                    b.append(c < cells.length ? cells[c] : "<missing>").append(',');
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static JsonNode summaryWithoutTiming(Path run) throws IOException {
        ObjectNode node = (ObjectNode) Json.mapper().readTree(run.resolve("summary.json").toFile());
        List<String> timing = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (f.toLowerCase(java.util.Locale.ROOT).contains("second")) {
                timing.add(f);
            }
        });
        node.remove(timing);
        node.remove("runId"); // the folder's own name
        return node;
    }
}
