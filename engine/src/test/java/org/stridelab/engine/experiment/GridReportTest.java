package org.stridelab.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderWriter;
import org.stridelab.engine.train.events.RunSummary;

/** Reports from cell folders written by hand: finished, repeated, running, failed and missing cells. */
class GridReportTest {
    @TempDir
    Path dir;

    private final GridSpec spec = GridSpec.defaults().toBuilder().name("fake")
            .methods(List.of("strided", "diffstride"))
            .strideInits(List.of(List.of(2.0, 2.0, 2.0), List.of(3.0, 2.0, 3.0)))
            .seeds(List.of(1L, 2L)).probe(new ProbeSettings(ShiftMode.CIRCULAR, 2, 10)).build();

    private GridCell cell(DownsamplingMethod m, double[] strides, long seed) {
        return new GridCell(m, strides, spec.batchSizes().get(0), 0, 0, seed);
    }

    private void finished(GridFolder grid, GridCell cell, double accuracy, double shift) throws IOException {
        RunFolder f = RunFolder.create(grid.cellFolder(cell).path(), spec.configFor(cell));
        Map<String, double[]> strides = cell.method() == DownsamplingMethod.DIFFSTRIDE
                ? Map.of("stage2", new double[]{2.5, 2.5}) : Map.of();
        Json.writeAtomically(f.summary(), new RunSummary(cell.name(), cell.method().cliName(), cell.strides(), 2, 8,
                accuracy, 2, accuracy, 0.5, 1000, 2_000_000, 3, strides, "fake data", "completed 2 epochs",
                List.of(0.5, accuracy)));
        Files.writeString(f.epochs(), RunFolderWriter.EPOCHS_HEADER + "\n4,0,1,0.5,1,0.5,2.0\n8,1,1,0.5,1,0.5,4.0\n");
        Json.writeAtomically(grid.shiftFile(cell), new ShiftConsistencyResult(ShiftMode.CIRCULAR, 10,
                List.of(1, 2), List.of(shift, shift), shift, accuracy));
    }

    @Test
    void aPartlyFinishedGridGivesTheTableWithMissingAndRunningCells() throws IOException {
        GridFolder grid = GridFolder.prepare(dir.resolve("g"), spec);
        double[] easy = {2, 2, 2};
        double[] poor = {3, 2, 3};
        finished(grid, cell(DownsamplingMethod.STRIDED, easy, 1), 0.80, 0.90);
        finished(grid, cell(DownsamplingMethod.STRIDED, easy, 2), 0.90, 0.70);
        finished(grid, cell(DownsamplingMethod.STRIDED, poor, 1), 0.70, 0.50);
        // DiffStride at (2, 2, 2): one seed still training, with strides logged so far.
        GridCell running = cell(DownsamplingMethod.DIFFSTRIDE, easy, 1);
        RunFolder r = RunFolder.create(grid.cellFolder(running).path(), spec.configFor(running));
        Files.writeString(r.strides(), RunFolderWriter.STRIDES_HEADER + "\n1,stage2,2.0,2.0,32,32,16,16,5\n"
                + "2,stage2,2.5,2.4,32,32,13,14,5\n2,stage3,2.1,2.2,16,16,8,8,5\n3,stage2,2.6");
        // DiffStride at (3, 2, 3): its only attempt failed.
        GridCell failed = cell(DownsamplingMethod.DIFFSTRIDE, poor, 1);
        RunFolder.create(grid.cellFolder(failed).path(), spec.configFor(failed));
        Files.writeString(grid.failureFile(failed), "the loss became NaN\n");

        GridReport.Written written = GridReport.write(grid.path());
        GridResults results = written.results();
        assertEquals(3, results.count(CellStatus.FINISHED));
        assertEquals(1, results.count(CellStatus.RUNNING));
        assertEquals(1, results.count(CellStatus.FAILED));
        assertEquals(3, results.count(CellStatus.NOT_STARTED));

        GridTable table = results.table();
        assertEquals(List.of(DownsamplingMethod.STRIDED, DownsamplingMethod.DIFFSTRIDE), table.methods());
        assertEquals(1, table.sections().size());
        List<GridTable.Row> rows = table.sections().get(0).rows();
        assertEquals(List.of("(2, 2, 2)", "(3, 2, 3)"), rows.stream().map(GridTable.Row::label).toList());
        GridTable.Entry stridedEasy = rows.get(0).entries().get(0);
        assertEquals(2, stridedEasy.accuracy().n());
        assertEquals(0.85, stridedEasy.accuracy().mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), stridedEasy.accuracy().sd(), 1e-12);
        assertEquals("85.0 ± 7.1", stridedEasy.accuracyText());
        assertEquals("0.800 ± 0.141", stridedEasy.shiftText());
        assertEquals(3.0, stridedEasy.secondsPerEpoch(), 1e-12);
        assertEquals("70.0 (1/2)", rows.get(1).entries().get(0).accuracyText());
        GridTable.Entry diffEasy = rows.get(0).entries().get(1);
        assertEquals("running", diffEasy.accuracyText());
        assertArrayEquals(new double[]{2.5, 2.4}, diffEasy.strides().get("stage2"), 0, "latest complete step");
        assertEquals("failed", rows.get(1).entries().get(1).accuracyText());

        String md = Files.readString(grid.path().resolve(GridReport.MARKDOWN), StandardCharsets.UTF_8);
        List<String> lines = md.lines().toList();
        int header = lines.indexOf("| stride init | strided | shift | diffstride | shift |");
        assertTrue(header > 0, md);
        assertEquals("|---|---:|---:|---:|---:|", lines.get(header + 1));
        assertEquals("| (2, 2, 2) | 85.0 ± 7.1 | 0.800 ± 0.141 | running | running |", lines.get(header + 2));
        assertEquals("| (3, 2, 3) | 70.0 (1/2) | 0.500 | failed | failed |", lines.get(header + 3));
        assertEquals("", lines.get(header + 4), "two rows, one per stride initialisation");
        assertTrue(md.contains("3 of 8 finished, 1 running, 1 failed, 3 not started"), md);
        assertTrue(md.contains("stage2 2.50x2.40; stage3 2.10x2.20"), md);
        assertTrue(md.contains("the loss became NaN"), md);
        assertTrue(md.contains("| 92.5 |") && md.contains("| 82.0 |"), "published reference numbers: " + md);
        assertTrue(md.contains("| strided_s2-2-2_b128_mix0_phc0_seed2 | finished | 2 | 90.00 |"), md);

        List<String> csv = Files.readAllLines(grid.path().resolve(GridReport.TABLE_CSV));
        assertEquals(CsvReport.TABLE_HEADER, csv.get(0));
        assertEquals(1 + 4, csv.size(), "one row per (init, method)");
        assertTrue(csv.get(1).startsWith("128,0,0,2-2-2,strided,finished,2,2,0.8500,0.0707,0.8000,0.1414,1000,"
                + "2000000,3.0,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("128,0,0,2-2-2,diffstride,running,0,2,,,"), csv.get(2));
        List<String> runs = Files.readAllLines(grid.path().resolve(GridReport.RUNS_CSV));
        assertEquals(1 + 8, runs.size());
        assertTrue(runs.get(0).contains("shift_consistency_d1,shift_consistency_d2"), runs.get(0));

        for (String png : new String[]{"accuracy-vs-init.png", "learned-strides.png"}) {
            byte[] bytes = Files.readAllBytes(grid.path().resolve(png));
            assertTrue(bytes.length > 1000, png + " is too small");
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), png);
        }
        assertTrue(md.contains("![accuracy-vs-init.png](accuracy-vs-init.png)"));
    }

    @Test
    void severalVariantsGetOneTableAndOneChartEach() throws IOException {
        GridSpec two = spec.toBuilder().seeds(List.of(1L)).mixupAlphas(List.of(0.0, 0.2)).build();
        GridFolder grid = GridFolder.prepare(dir.resolve("v"), two);
        GridCell c = new GridCell(DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 128, 0.2, 0, 1);
        RunFolder f = RunFolder.create(grid.cellFolder(c).path(), two.configFor(c));
        Json.writeAtomically(f.summary(), new RunSummary(c.name(), "strided", c.strides(), 1, 4, 0.6, 1, 0.6, 1, 10,
                20, 1, new LinkedHashMap<>(), "fake", "done", List.of(0.6)));
        GridReport.Written written = GridReport.write(grid.path());
        String md = Files.readString(grid.path().resolve(GridReport.MARKDOWN));
        assertTrue(md.contains("— batch 128, no mixup, ordinary convolutions"), md);
        assertTrue(md.contains("— batch 128, mixup 0.2, ordinary convolutions"), md);
        assertTrue(Files.exists(grid.path().resolve("accuracy-vs-init_b128_mix0.2_phc0.png")));
        assertTrue(written.files().stream().noneMatch(p -> p.endsWith("accuracy-vs-init_b128_mix0_phc0.png")),
                "no chart for a table without results");
    }

    @Test
    void theCatalogListsGridsAndRunsAndAConflictingGridIsRefused() throws IOException {
        GridFolder grid = GridFolder.prepare(dir.resolve("grid"), spec);
        GridCell c = cell(DownsamplingMethod.STRIDED, new double[]{2, 2, 2}, 1);
        RunFolder.create(grid.cellFolder(c).path(), spec.configFor(c));
        RunFolder.create(dir.resolve("single"), spec.configFor(c).withName("single"));
        List<ExperimentCatalog.Entry> entries = ExperimentCatalog.scan(dir);
        assertEquals(List.of(ExperimentCatalog.Kind.GRID, ExperimentCatalog.Kind.RUN),
                entries.stream().map(ExperimentCatalog.Entry::kind).toList());
        assertEquals(ExperimentCatalog.Kind.GRID, ExperimentCatalog.scan(grid.path()).get(0).kind());

        // More seeds: the started cell keeps its settings, so the grid may grow.
        GridSpec more = spec.toBuilder().seeds(List.of(1L, 2L, 3L)).build();
        GridFolder.prepare(grid.path(), more);
        assertEquals(more, grid.readSpec());
        // Other epochs contradict the started cell.
        GridSpec longer = more.toBuilder().set("epochs", 99).build();
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> GridFolder.prepare(grid.path(), longer));
        assertTrue(e.getMessage().contains(c.name()) && e.getMessage().contains("epochs"), e.getMessage());
        IOException run = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> GridFolder.prepare(dir.resolve("single"), spec));
        assertTrue(run.getMessage().contains("single run"), run.getMessage());
    }
}
