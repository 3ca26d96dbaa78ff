package org.stridelab.engine.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.io.AtomicFiles;

/**
 * A run's live changes of hyper-parameters, {@code changes.csv} in its folder:
 * one row per change, in the order they were made. A resumed run replays it,
 * so the file is never cut back on resume (unlike the metric logs): the rows
 * after the checkpoint's step are changes the resumed run makes again at the
 * same steps. A row is on disk (forced) before the step it applies to runs.
 */
public final class ChangeLog {
    public static final String HEADER = "step,setting,value,first_batch_step";

    private ChangeLog() {
    }

    /** The recorded changes, oldest first; none when the file does not exist. */
    public static List<LiveChange> read(Path file) throws IOException {
        List<LiveChange> changes = new ArrayList<>();
        if (!Files.exists(file)) {
            return changes;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a change log: its first line should be '" + HEADER + "'");
        }
        boolean complete = Files.size(file) > 0 && lastByte(file) == '\n';
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == lines.size() - 1 && !complete)) {
                continue; // a row cut short by a crash while it was written: the change never applied
            }
            changes.add(parse(file, i + 1, line));
        }
        return changes;
    }

    /** Appends one change and forces it to disk; creates the file with its header first. */
    public static void append(Path file, LiveChange change) throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.write(file, (HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String row = change.step() + "," + change.setting().key() + "," + change.value() + ","
                + change.firstBatchStep() + "\n";
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.APPEND)) {
            out.write(java.nio.ByteBuffer.wrap(row.getBytes(StandardCharsets.UTF_8)));
            out.force(false);
        }
    }

    private static LiveChange parse(Path file, int lineNumber, String line) throws IOException {
        String[] cells = line.split(",", -1);
        String where = file + " line " + lineNumber + " ('" + line + "')";
        if (cells.length != 4) {
            throw new IOException(where + ": expected 4 cells (" + HEADER + ")");
        }
        Optional<Setting<Double>> setting = LiveSettings.CHANGEABLE.stream()
                .filter(s -> s.key().equals(cells[1])).findFirst();
        if (setting.isEmpty()) {
            throw new IOException(where + ": '" + cells[1] + "' is not a setting that changes while a run trains "
                    + "(those are " + LiveSettings.CHANGEABLE.stream().map(Setting::key).toList() + ")");
        }
        try {
            long step = Long.parseLong(cells[0]);
            double value = Double.parseDouble(cells[2]);
            long first = Long.parseLong(cells[3]);
            if (step < 1 || first < step) {
                throw new IOException(where + ": the step must be at least 1 and the first batch step at least the step");
            }
            return new LiveChange(step, setting.get(), value, first);
        } catch (NumberFormatException e) {
            throw new IOException(where + ": " + e.getMessage());
        }
    }

    private static int lastByte(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            in.read(one, in.size() - 1);
            return one.get(0);
        }
    }
}
