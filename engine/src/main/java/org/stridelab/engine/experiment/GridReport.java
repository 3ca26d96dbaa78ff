package org.stridelab.engine.experiment;

import org.stridelab.engine.io.FileLocks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stridelab.engine.io.AtomicFiles;

/**
 * Writes a grid folder's report from the cell folders as they are:
 * report.md, report.csv (the table), runs.csv (one row per cell) and the PNG
 * charts. Safe to run at any time, also while cells are training, and again
 * after more cell folders are copied in.
 */
public final class GridReport {
    public static final String MARKDOWN = "report.md";
    public static final String TABLE_CSV = "report.csv";
    public static final String RUNS_CSV = "runs.csv";

    private GridReport() {
    }

    /** What was written, and the results it was written from. */
    public record Written(GridResults results, List<Path> files) {
    }

    /** Writes the report; shards finishing together take turns (the grid's lock), each file atomically. */
    public static Written write(Path gridFolder) throws IOException {
        try (FileLocks.Held lock = FileLocks.acquire(new GridFolder(gridFolder).definitionLock())) {
            return writeLocked(gridFolder);
        }
    }

    private static Written writeLocked(Path gridFolder) throws IOException {
        GridResults results = GridResults.load(gridFolder);
        GridTable table = results.table();
        List<Path> files = new ArrayList<>();
        List<String> charts = ReportCharts.write(table, gridFolder);
        charts.forEach(c -> files.add(gridFolder.resolve(c)));
        files.add(text(gridFolder.resolve(MARKDOWN), MarkdownReport.render(results, charts)));
        files.add(text(gridFolder.resolve(TABLE_CSV), CsvReport.table(table)));
        files.add(text(gridFolder.resolve(RUNS_CSV), CsvReport.runs(results)));
        return new Written(results, files);
    }

    /** The accuracy and shift-consistency table(s) as Markdown, e.g. to print after a run. */
    public static String tableText(GridResults results) {
        return MarkdownReport.accuracyTables(results);
    }

    private static Path text(Path file, String content) throws IOException {
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
