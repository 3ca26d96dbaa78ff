package org.stridelab.engine.experiment;

import org.stridelab.engine.config.Settings;

import org.stridelab.engine.config.OptimizerKind;
import org.stridelab.engine.config.ScheduleKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.LearningRateSchedule;
import org.stridelab.engine.train.Optimizer;

class GridSpecTest {

    static GridSpec twoByTwo() {
        return GridSpec.defaults().toBuilder().name("t").methods(List.of("strided", "diffstride"))
                .strideInits(List.of(List.of(2.0, 2.0, 2.0), List.of(3.0, 2.0, 3.0))).batchSizes(List.of(256))
                .build();
    }

    @Test
    void cellNamesAreDeterministicFromTheCoordinates() {
        GridCell cell = new GridCell(DownsamplingMethod.DIFFSTRIDE, new double[]{3, 2, 3}, 256, 0, 0, 1);
        assertEquals("diffstride_s3-2-3_b256_mix0_phc0_seed1", cell.name());
        assertEquals("spectral_s3-1.5-2_b64_mix0.2_phc4_seed7",
                new GridCell(DownsamplingMethod.SPECTRAL, new double[]{3, 1.5, 2}, 64, 0.2, 4, 7).name());
        List<String> names = twoByTwo().cells().stream().map(GridCell::name).toList();
        assertEquals(List.of("strided_s2-2-2_b256_mix0_phc0_seed1", "strided_s3-2-3_b256_mix0_phc0_seed1",
                "diffstride_s2-2-2_b256_mix0_phc0_seed1", "diffstride_s3-2-3_b256_mix0_phc0_seed1"), names);
        for (GridCell c : twoByTwo().cells()) {
            RunConfig config = twoByTwo().configFor(c);
            assertEquals(c.name(), config.name(), "the run is named like its folder");
            assertTrue(config.problems().isEmpty(), config.problems().toString());
        }
    }

    @Test
    void seedsAreOutermostSoTheFirstTableFinishesFirst() {
        GridSpec s = twoByTwo().toBuilder().seeds(List.of(1L, 2L)).build();
        List<GridCell> cells = s.cells();
        assertEquals(8, cells.size());
        assertTrue(cells.subList(0, 4).stream().allMatch(c -> c.seed() == 1));
        assertTrue(cells.subList(4, 8).stream().allMatch(c -> c.seed() == 2));
    }

    @Test
    void roundTripThroughGridJsonKeepsEverything(@TempDir Path dir) throws IOException {
        for (GridSpec spec : List.of(twoByTwo(), Presets.paper(), Presets.lecture())) {
            Path file = dir.resolve(spec.name() + ".json");
            GridSpecJson.write(file, spec);
            GridSpec back = GridSpecJson.read(file, true);
            assertEquals(spec, back);
            assertEquals(spec.cells(), back.cells());
            for (GridCell c : spec.cells()) {
                assertEquals(spec.configFor(c), back.configFor(c));
            }
        }
    }

    @Test
    void aSmallDefinitionTakesDefaultsAndAcceptsLowercaseNames() throws IOException {
        GridSpec s = GridSpecJson.parse("""
                {"methods": ["strided", "diffstride"], "strideInits": [[3, 2, 3]], "seeds": [1, 2],
                 "protocol": {"epochs": 5, "optimizer": "adam", "schedule": "step"},
                 "methodOverrides": {"diffstride": {"epochs": 2, "patience": 1}},
                 "probe": {"mode": "zero"}}""", true);
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        assertEquals(4, s.cells().size());
        assertEquals(OptimizerKind.ADAM, s.protocol().get(Settings.OPTIMIZER));
        assertEquals(ScheduleKind.STEP, s.protocol().get(Settings.SCHEDULE_KIND));
        assertEquals(TrainingProtocol.defaults().get(Settings.WIDTH), s.protocol().get(Settings.WIDTH), "unset protocol fields default");
        assertEquals(ShiftMode.ZERO, s.probe().mode());
        assertEquals(ProbeSettings.defaults().maxShift(), s.probe().maxShift());
        GridCell strided = s.cells().get(0);
        GridCell diffstride = s.cells().get(1);
        assertEquals(5, s.configFor(strided).schedule().epochs());
        assertEquals(2, s.configFor(diffstride).schedule().epochs(), "per-method override");
        assertEquals(1, s.configFor(diffstride).schedule().patience());
    }

    @Test
    void typosAreRefusedInUserFilesButToleratedInGridFolders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("grid.json");
        Files.writeString(file, "{\"methods\": [\"strided\"], \"protocol\": {\"epoch\": 5}, \"colour\": 1}");
        IOException e = assertThrows(IOException.class, () -> GridSpecJson.read(file, true));
        assertTrue(e.getMessage().contains("protocol.epoch") && e.getMessage().contains("colour"), e.getMessage());
        GridSpec lenient = GridSpecJson.read(file, false);
        assertEquals(List.of("strided"), lenient.methods());
        IOException notJson = assertThrows(IOException.class, () -> GridSpecJson.parse("[1, 2]", true));
        assertTrue(notJson.getMessage().contains("JSON object"), notJson.getMessage());
    }

    @Test
    void validationNamesUnknownMethodsAndFractionalStridesForStridedConvolution() throws IOException {
        GridSpec unknown = GridSpecJson.parse("{\"methods\": [\"strided\", \"maxpool\"]}", true);
        assertTrue(unknown.problems().stream().anyMatch(p -> p.contains("unknown method 'maxpool'")),
                unknown.problems().toString());

        GridSpec fractional = GridSpecJson.parse(
                "{\"methods\": [\"strided\", \"diffstride\"], \"strideInits\": [[1.5, 2, 2]]}", true);
        List<String> problems = fractional.problems();
        assertEquals(1, problems.size(), "only the strided cell is wrong: " + problems);
        assertTrue(problems.get(0).startsWith("strided_s1.5-2-2_") && problems.get(0).contains("integer strides"),
                problems.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fractional::validated);
        assertTrue(e.getMessage().contains("integer strides"));

        GridSpec bad = GridSpecJson.parse("""
                {"strideInits": [[2, 2]], "seeds": [], "protocol": {"epochs": 0},
                 "methodOverrides": {"diffstride": {"epoch": 3}}, "probe": {"maxShift": 40}}""", true);
        String all = String.join("\n", bad.problems());
        assertTrue(all.contains("three stage strides"), all);
        assertTrue(all.contains("seeds"), all);
        assertTrue(all.contains("unknown setting 'epoch'"), all);
        assertTrue(all.contains("maxShift"), all);

        GridSpec zeroEpochs = GridSpecJson.parse("{\"protocol\": {\"epochs\": 0}}", true);
        assertTrue(zeroEpochs.problems().stream().anyMatch(p -> p.contains("epochs must be >= 1")),
                zeroEpochs.problems().toString());

        GridSpec repeated = twoByTwo().toBuilder().seeds(List.of(1L, 1L)).build();
        assertTrue(repeated.problems().stream().anyMatch(p -> p.contains("appears twice")));
    }

    @Test
    void flagsSetASettingForEveryMethod() {
        GridSpec paper = Presets.paper();
        GridCell diffstride = paper.cells().stream().filter(c -> c.method() == DownsamplingMethod.DIFFSTRIDE)
                .findFirst().orElseThrow();
        assertEquals(40, paper.configFor(diffstride).schedule().epochs());
        GridSpec short1 = paper.toBuilder().set("epochs", 1).build();
        assertEquals(1, short1.configFor(diffstride).schedule().epochs(), "--epochs replaces the per-method epochs");
        assertEquals(10, short1.configFor(diffstride).schedule().patience(), "other overrides stay");
        assertThrows(IllegalArgumentException.class, () -> paper.toBuilder().set("epoch", 1));
        assertEquals(OptimizerKind.ADAM, paper.toBuilder().set("optimizer", "adam").build().protocol().get(Settings.OPTIMIZER),
                "--set takes the lower-case names of the command line");
    }

    @Test
    void presetsAreValidAndHaveThePapersShape() {
        for (String name : Presets.names()) {
            GridSpec s = Presets.named(name);
            assertTrue(s.problems().isEmpty(), name + ": " + s.problems());
            assertEquals(15, s.cells().size());
            assertEquals(Presets.PAPER_INITS, s.strideInits());
        }
        GridSpec paper = Presets.paper();
        RunConfig strided = paper.configFor(paper.cells().get(0));
        assertEquals(150, strided.schedule().epochs());
        assertEquals(0.1, strided.optimiser().learningRate());
        assertEquals(0.9, strided.optimiser().momentum());
        assertEquals(5e-3, strided.optimiser().weightDecay());
        assertEquals(256, strided.data().batchSize());
        assertEquals(1.0, strided.model().width());
        assertEquals("cifar10", strided.data().source());
        assertEquals(ScheduleKind.STEP, strided.schedule().schedule());
        assertEquals("generated", Presets.lecture().protocol().get(Settings.DATA_SOURCE));
        assertThrows(IllegalArgumentException.class, () -> Presets.named("huge"));
    }

    @Test
    void cellAndShardSelectTheRightCells() {
        List<GridCell> cells = Presets.lecture().cells();
        GridCell one = cells.get(7);
        assertEquals(List.of(one), new CellSelection.Named(one.name()).select(cells));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CellSelection.Named("nope").select(cells));
        assertTrue(e.getMessage().contains("no cell named 'nope'") && e.getMessage().contains(one.name()));

        List<GridCell> first = CellSelection.Shard.parse("1/4").select(cells);
        assertEquals(List.of(cells.get(0), cells.get(4), cells.get(8), cells.get(12)), first);
        Set<GridCell> union = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 4; i++) {
            List<GridCell> shard = new CellSelection.Shard(i, 4).select(cells);
            total += shard.size();
            union.addAll(shard);
        }
        assertEquals(cells.size(), total, "no cell runs in two shards");
        assertEquals(new HashSet<>(cells), union, "every cell runs in some shard");
        assertEquals(cells, CellSelection.Shard.parse("1/1").select(cells));
        assertFalse(new CellSelection.Shard(15, 15).select(cells).isEmpty());
        assertTrue(new CellSelection.Shard(20, 20).select(cells).isEmpty(), "more shards than cells: idle shard");
        for (String bad : new String[]{"0/3", "4/3", "1/0", "2", "a/b", "1/2/3"}) {
            assertThrows(IllegalArgumentException.class, () -> CellSelection.Shard.parse(bad), bad);
        }
    }

    @Test
    void numbersInNamesHaveNoTrailingZeros() {
        assertEquals("2", GridCell.number(2.0));
        assertEquals("0", GridCell.number(0.0));
        assertEquals("1.5", GridCell.number(1.50));
        assertEquals("0.2", GridCell.number(0.2));
        assertEquals("(3, 1.5, 2)", GridCell.strideLabel(new double[]{3, 1.5, 2}));
        assertEquals(Map.of(), GridSpec.defaults().methodOverrides());
    }
}
