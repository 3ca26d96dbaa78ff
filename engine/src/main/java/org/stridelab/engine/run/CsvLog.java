package org.stridelab.engine.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stridelab.engine.io.AtomicFiles;

/**
 * An append-only CSV file whose first column is the global step. On resume it
 * is cut back (atomically) to the rows a checkpoint covers, so a resumed run's
 * history is exactly that of a run that never stopped.
 */
final class CsvLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;

    /** Which existing rows a reopened log keeps: given the row's cells, true to keep it. */
    @FunctionalInterface
    interface Keep {
        boolean row(String[] cells);
    }

    CsvLog(Path file, String header, Keep keep) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            cutBack(file, header, keep);
        } else {
            AtomicFiles.write(file, (header + "\n").getBytes(StandardCharsets.UTF_8));
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Keeps the header and the rows {@code keep} accepts; a row cut short by a crash or not a data row goes. */
    private static void cutBack(Path file, String header, Keep keep) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(header);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int width = header.split(",").length;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length == width && keep.row(cells)) {
                    kept.add(lines.get(i));
                }
            } catch (NumberFormatException e) {
                // not a data row; drop it
            }
        }
        AtomicFiles.write(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void row(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values[i];
            b.append(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v));
        }
        try {
            out.write(b.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
