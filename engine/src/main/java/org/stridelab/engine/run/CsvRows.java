package org.stridelab.engine.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one of a run's CSV logs by column name, leniently: the logs of a run
 * that is still writing (or was killed mid-write) may end in a half row, which
 * is skipped without a word; any other row that does not parse is skipped and
 * counted, and the file is named as damaged. Reading never fails on content.
 */
final class CsvRows {

    /** One row's cells, looked up by the column names of the header. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final String[] cells;

        private Row(Map<String, Integer> columns, String[] cells) {
            this.columns = columns;
            this.cells = cells;
        }

        String text(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.length) {
                throw new NumberFormatException("no " + column);
            }
            return cells[i];
        }

        double number(String column) {
            return Double.parseDouble(text(column));
        }

        long whole(String column) {
            return Long.parseLong(text(column));
        }

        int integer(String column) {
            return Integer.parseInt(text(column));
        }
    }

    /** Turns a row into a record; throws NumberFormatException (or any RuntimeException) for a bad row. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Row row);
    }

    private CsvRows() {
    }

    /**
     * The rows of {@code file} that parse; a problem (naming the file) goes to
     * {@code problems} when rows other than a torn last one were skipped, or when
     * the header lacks a column the writer's header has.
     */
    static <T> List<T> read(Path file, String writerHeader, Parser<T> parser, List<String> problems) {
        List<T> out = new ArrayList<>();
        String name = String.valueOf(file.getFileName());
        List<String> lines;
        boolean endsWithNewline;
        try {
            byte[] bytes = Files.readAllBytes(file);
            endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
            lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException missing) {
            return out; // a run that has not logged this yet
        } catch (IOException | OutOfMemoryError e) {
            problems.add(name + " could not be read (" + e.getMessage() + ")");
            return out;
        }
        if (lines.isEmpty()) {
            return out;
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines.get(0).split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].strip(), i);
        }
        List<String> missing = new ArrayList<>();
        for (String column : writerHeader.split(",")) {
            if (!columns.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(name + " is damaged: its header lacks " + String.join(", ", missing));
            return out;
        }
        int damaged = 0;
        int firstDamaged = -1;
        // Every row the writer finishes ends in a newline: an unterminated last line is one still
        // being written (or cut by a kill), even if what has arrived parses (a truncated last number).
        int end = endsWithNewline ? lines.size() : lines.size() - 1;
        for (int k = 1; k < end; k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<T> row = parse(line, columns, header.length, parser);
            if (row.isPresent()) {
                out.add(row.get());
            } else {
                damaged++;
                firstDamaged = firstDamaged < 0 ? k + 1 : firstDamaged;
            }
        }
        if (damaged > 0) {
            problems.add(name + " is damaged: " + damaged + (damaged == 1 ? " row could not be read and was"
                    : " rows could not be read and were") + " skipped (first at line " + firstDamaged + ")");
        }
        return out;
    }

    private static <T> Optional<T> parse(String line, Map<String, Integer> columns, int width, Parser<T> parser) {
        String[] cells = line.split(",", -1);
        if (cells.length != width) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parser.parse(new Row(columns, cells)));
        } catch (RuntimeException badCell) {
            return Optional.empty();
        }
    }
}
