package org.stridelab.engine.cli;

import org.stridelab.engine.session.GracefulStop;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stridelab.engine.experiment.CellSelection;
import org.stridelab.engine.experiment.CellStatus;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.experiment.DatasetCache;
import org.stridelab.engine.experiment.GridCell;
import org.stridelab.engine.experiment.GridDescription;
import org.stridelab.engine.experiment.GridFolder;
import org.stridelab.engine.experiment.GridListener;
import org.stridelab.engine.experiment.GridReport;
import org.stridelab.engine.experiment.GridResults;
import org.stridelab.engine.experiment.GridRunner;
import org.stridelab.engine.experiment.GridSpec;
import org.stridelab.engine.experiment.GridSpecJson;
import org.stridelab.engine.experiment.Presets;
import org.stridelab.engine.experiment.ProbeSettings;
import org.stridelab.engine.experiment.ShiftConsistencyResult;
import org.stridelab.engine.experiment.ShiftMode;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;
import org.stridelab.engine.train.events.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stridelab grid run | report | describe}: the comparison tables as a
 * grid of ordinary runs. Thin: everything is in the engine's experiment
 * package; this class turns flags into a {@link GridSpec} and prints progress.
 * Its length is the three subcommands' option declarations, kept together so
 * that {@code grid --help} and the code read alike.
 */
@Command(name = "grid", mixinStandardHelpOptions = true, modelTransformer = GridCommand.PresetFooter.class,
        description = {"Experiment grids: methods x stride initialisations x batch sizes x mixup x PHC x seeds, "
                + "one run folder per cell, and the comparison table they make.",
                "Resumable (run the same command again), splittable across machines (--shard i/k, then copy the "
                        + "cell folders into one grid folder and run 'grid report')."},
        subcommands = {GridCommand.Run.class, GridCommand.Report.class, GridCommand.Describe.class})
final class GridCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Charts are drawn off-screen: a server's or an ssh session's DISPLAY must not matter. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Lists the presets under the help text, from the preset objects themselves (so the numbers cannot drift). */
    static final class PresetFooter implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            String text = "%nPresets (every setting: stridelab grid describe --preset NAME):%n"
                    + Presets.summary().replace("%", "%%").replace("\n", "%n");
            command.usageMessage().footer(text);
            return command;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            modelTransformer = PresetFooter.class,
            description = {"Train the cells of a grid one after another into --out DIR; a cell that has finished is "
                    + "skipped, one with a checkpoint continues from it.",
                    "The grid comes from --preset, --config, DIR/grid.json (to continue), or the axis flags; flags "
                            + "change any of them. The report is rewritten at the end."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Source source;

        static final class Source {
            @Option(names = "--preset", description = "paper or lecture")
            String preset;
            @Option(names = "--config", description = "a grid definition (JSON; see 'grid describe')")
            Path config;
        }

        @Option(names = "--out", required = true, description = "the grid folder")
        Path out;

        @ArgGroup(exclusive = true)
        Selection selection;

        static final class Selection {
            @Option(names = "--cell", description = "run only this cell (its folder name)")
            String cell;
            @Option(names = "--shard", description = "run only shard i of k (1-based): cells i, i+k, i+2k, ...")
            String shard;
        }

        @Option(names = "--methods", split = ",", description = "strided, spectral, diffstride")
        List<String> methods;
        @Option(names = "--strides", description = "a stride initialisation of stages 2-4, e.g. 3,2,3; "
                + "repeat the option for several")
        List<String> strides;
        @Option(names = "--batch", split = ",", description = "batch sizes, e.g. 128,256")
        List<Integer> batch;
        @Option(names = "--mixup", split = ",", description = "mixup alphas, 0 = off, e.g. 0,0.2")
        List<Double> mixup;
        @Option(names = "--phc", split = ",", description = "PHC orders, 0 = ordinary convolutions, e.g. 0,4")
        List<Integer> phc;
        @Option(names = "--seeds", split = ",", description = "seeds; several give mean ± SD, e.g. 1,2,3")
        List<Long> seeds;
        @Option(names = "--epochs", description = "epochs for every method (replaces per-method epochs)")
        Integer epochs;
        @Option(names = "--width", description = "width multiplier")
        Double width;
        @Option(names = "--data", description = "cifar10, generated or a folder/archive path")
        String data;
        @Option(names = "--train-limit", description = "use only the first N training images, 0 = all")
        Integer trainLimit;
        @Option(names = "--set", description = "any protocol setting for every method, e.g. --set weightDecay=5e-3 "
                + "(names: see 'grid describe')")
        Map<String, String> settings;
        @Option(names = "--probe-images", description = "shift probe on the first N test images, 0 = all")
        Integer probeImages;
        @Option(names = "--probe-max-shift", description = "shift probe distances 1..N pixels, 0 = no probe")
        Integer probeMaxShift;
        @Option(names = "--probe-mode", description = "circular or zero (black fill)")
        String probeMode;
        @Option(names = "--download", description = "download CIFAR-10 (170 MB) if a cell needs it and it is "
                + "not in the cache")
        boolean download;
        @Option(names = "--no-report", description = "do not rewrite the report at the end")
        boolean noReport;
        @Option(names = "--prepare-only", description = "write the grid folder and prepare the data its cells use "
                + "(generate it, or check or --download CIFAR-10), then exit: run it once before a cluster's "
                + "array of tasks starts, so the tasks do not all prepare the data at once")
        boolean prepareOnly;

        @Override
        public Integer call() throws Exception {
            headless();
            GridSpec grid = buildSpec();
            List<GridCell> cells = select(grid.cells()); // before anything is written: a bad --cell creates nothing
            GridFolder folder = GridFolder.prepare(out, grid);
            System.out.printf("grid %s: %d cells; running %d (%s) in %s%n", grid.name(), grid.cells().size(),
                    cells.size(), selectionText(), out.toAbsolutePath());
            ConsoleProgress downloads = new ConsoleProgress(System.out, 1);
            DatasetCache data = new DatasetCache(downloads::download, download);
            if (prepareOnly) {
                for (String source : grid.cells().stream().map(c -> grid.configFor(c).data().source()).distinct()
                        .toList()) {
                    System.out.println("data ready: " + data.apply(source).description());
                }
                System.out.println("grid folder ready: " + out.toAbsolutePath() + " (" + GridFolder.DEFINITION + ")");
                return 0;
            }
            TrainerControl control = new TrainerControl();
            GridRunner runner = new GridRunner(folder, grid, data, control, new Printer());
            GridRunner.Outcome outcome;
            boolean signalled;
            int signalExit;
            try (GracefulStop signals = new GracefulStop(control::stop, runner::lastCheckpoint,
                    GracefulStop.DEFAULT_BOUND, System.err)) {
                outcome = runner.run(cells);
                signalled = signals.signalled();
                signalExit = signals.exitCode(0);
            }
            System.out.printf("%d trained, %d finished earlier, %d failed%s%s%n", outcome.trained(),
                    outcome.alreadyFinished(), outcome.failed(), outcome.busyElsewhere() == 0 ? ""
                            : ", " + outcome.busyElsewhere() + " training in another process", outcome.stopped()
                            ? "; stopped with " + outcome.notRun() + " not done: run the same command again to continue"
                            : "");
            if (!noReport) {
                GridReport.Written written = GridReport.write(out);
                System.out.println();
                System.out.print(GridReport.tableText(written.results()));
                System.out.println("report: " + out.resolve(GridReport.MARKDOWN));
            }
            if (signalled) {
                System.out.println("stopped by a signal; kept " + runner.lastCheckpoint() + "; continue with: "
                        + "stridelab grid run --out " + out.toAbsolutePath());
                return signalExit;
            }
            return outcome.failed() > 0 ? StrideLabCommand.RUN_FAILED : 0;
        }

        private GridSpec buildSpec() throws IOException {
            GridSpec base;
            if (source != null && source.preset != null) {
                try {
                    base = Presets.named(source.preset);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
                }
            } else if (source != null && source.config != null) {
                try {
                    base = GridSpecJson.read(source.config, true);
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
                }
            } else if (GridFolder.isGrid(out)) {
                base = GridFolder.open(out).readSpec();
            } else if (anyGridFlag()) {
                base = GridSpec.defaults();
            } else {
                throw new ParameterException(spec.commandLine(), "nothing to run: give --preset paper|lecture, "
                        + "--config FILE, an existing grid folder as --out, or the axes as flags (e.g. --methods "
                        + "strided,diffstride --strides 2,2,2 --strides 3,2,3)");
            }
            try {
                GridSpec.Builder b = base.toBuilder();
                Path folderName = out.toAbsolutePath().normalize().getFileName();
                if (base.name().equals(GridSpec.defaults().name()) && folderName != null) {
                    b.name(folderName.toString()); // an unnamed grid is called after its folder in its report
                }
                if (methods != null) {
                    b.methods(methods.stream().map(String::trim).toList());
                }
                if (strides != null) {
                    b.strideInits(parseStrides());
                }
                if (batch != null) {
                    b.batchSizes(batch);
                }
                if (mixup != null) {
                    b.mixupAlphas(mixup);
                }
                if (phc != null) {
                    b.phcOrders(phc);
                }
                if (seeds != null) {
                    b.seeds(seeds);
                }
                if (epochs != null) {
                    b.set("epochs", epochs);
                }
                if (width != null) {
                    b.set("width", width);
                }
                if (data != null) {
                    b.set("data", DataSourceResolver.canonical(data));
                }
                if (trainLimit != null) {
                    b.set("trainLimit", trainLimit);
                }
                if (settings != null) {
                    for (Map.Entry<String, String> e : settings.entrySet()) {
                        b.set(e.getKey().trim(), jsonValue(e.getValue()));
                    }
                }
                ProbeSettings p = base.probe();
                if (probeImages != null || probeMaxShift != null || probeMode != null) {
                    b.probe(new ProbeSettings(probeMode == null ? p.mode() : ShiftMode.parse(probeMode),
                            probeMaxShift == null ? p.maxShift() : probeMaxShift,
                            probeImages == null ? p.images() : probeImages));
                }
                GridSpec built = b.build();
                List<String> problems = built.problems();
                if (!problems.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), String.join("\n", problems));
                }
                return built;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private boolean anyGridFlag() {
            return methods != null || strides != null || batch != null || mixup != null || phc != null
                    || seeds != null || epochs != null || width != null || data != null || trainLimit != null
                    || settings != null;
        }

        private List<List<Double>> parseStrides() {
            List<List<Double>> inits = new ArrayList<>();
            for (String text : strides) {
                for (String one : text.split(";")) {
                    try {
                        inits.add(Arrays.stream(one.split(",")).map(String::trim).map(Double::valueOf).toList());
                    } catch (NumberFormatException e) {
                        throw new ParameterException(spec.commandLine(), "--strides: '" + one
                                + "' is not three numbers such as 3,2,3");
                    }
                }
            }
            return inits;
        }

        /** A --set value as JSON when it is JSON (numbers, true, false), else as text (paths, names). */
        private static Object jsonValue(String text) {
            try {
                JsonNode node = Json.mapper().readTree(text);
                return node == null || node.isMissingNode() ? new TextNode(text) : node;
            } catch (JacksonException e) {
                return new TextNode(text);
            }
        }

        private List<GridCell> select(List<GridCell> all) {
            try {
                CellSelection s = selection == null ? new CellSelection.All()
                        : selection.cell != null ? new CellSelection.Named(selection.cell.trim())
                        : CellSelection.Shard.parse(selection.shard);
                return s.select(all);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), (selection.cell != null ? "--cell: " : "--shard: ")
                        + e.getMessage());
            }
        }

        private String selectionText() {
            return selection == null ? "all" : selection.cell != null ? "cell " + selection.cell
                    : "shard " + selection.shard;
        }
    }

    /** Progress of a grid on the terminal: a line per cell and the usual progress bar inside it. */
    static final class Printer implements GridListener {
        @Override
        public void cellStarting(GridCell cell, int index, int count, RunConfig config, long resumeStep) {
            System.out.printf("%n[%d/%d] %s: %s, %d epochs%s%n", index, count, cell.name(), config.label(),
                    config.schedule().epochs(), resumeStep >= 0 ? ", continuing from step " + resumeStep : "");
        }

        @Override
        public List<TrainingListener> trainingListeners(GridCell cell, RunConfig config) {
            return List.of(new ConsoleProgress(System.out, config.schedule().epochs()));
        }

        @Override
        public void cellSkipped(GridCell cell, int index, int count, String reason) {
            System.out.printf("[%d/%d] %s: %s%n", index, count, cell.name(), reason);
        }

        @Override
        public void cellFinished(GridCell cell, RunSummary summary, ShiftConsistencyResult shift) {
            System.out.printf(Locale.ROOT, "%s: test accuracy %.2f %%%s%n", cell.name(), 100 * summary.testAccuracy(),
                    shift == null ? "" : String.format(Locale.ROOT, ", shift consistency %.3f", shift.mean()));
        }

        @Override
        public void cellStopped(GridCell cell) {
            System.out.println(cell.name() + ": stopped; its checkpoint is saved");
        }

        @Override
        public void cellFailed(GridCell cell, String message) {
            System.err.println("stridelab: cell " + cell.name() + " failed: " + message);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write DIR/report.md, report.csv, runs.csv and PNG charts from the cell folders as they "
                    + "are now (finished, running or missing cells alike).")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", description = "the grid folder")
        Path dir;

        @Override
        public Integer call() throws Exception {
            headless();
            GridReport.Written written = GridReport.write(dir);
            GridResults r = written.results();
            System.out.printf("%s: %d of %d cells finished, %d running, %d failed, %d not started%n%n",
                    r.spec().name(), r.count(CellStatus.FINISHED), r.cells().size(), r.count(CellStatus.RUNNING),
                    r.count(CellStatus.FAILED), r.count(CellStatus.NOT_STARTED));
            System.out.print(GridReport.tableText(r));
            written.files().forEach(f -> System.out.println("wrote " + f));
            return 0;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, modelTransformer = PresetFooter.class,
            description = "Show every setting of a preset, a grid definition file or a grid folder, and its cells.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--preset", description = "paper or lecture")
        String preset;
        @Option(names = "--config", description = "a grid definition (JSON)")
        Path config;
        @Parameters(index = "0", arity = "0..1", description = "a grid folder")
        Path dir;
        @Option(names = "--count", description = "print only the number of cells (for a cluster's array size)")
        boolean count;

        @Override
        public Integer call() throws Exception {
            int given = (preset != null ? 1 : 0) + (config != null ? 1 : 0) + (dir != null ? 1 : 0);
            if (given > 1) {
                throw new ParameterException(spec.commandLine(), "give one of --preset, --config or a grid folder");
            }
            GridSpec grid;
            if (preset != null) {
                try {
                    grid = Presets.named(preset);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
                }
            } else if (config != null) {
                try {
                    grid = GridSpecJson.read(config, true);
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
                }
            } else if (dir != null) {
                grid = GridFolder.open(dir).readSpec();
            } else {
                System.out.print("Presets:\n" + Presets.summary());
                System.out.println("\nEvery setting of one: stridelab grid describe --preset NAME");
                return 0;
            }
            if (count) {
                System.out.println(grid.cells().size());
                return grid.problems().isEmpty() ? 0 : StrideLabCommand.RUN_FAILED;
            }
            System.out.print(GridDescription.describe(grid));
            System.out.println("\nas grid.json (a definition file may give only what differs from the defaults):");
            System.out.println(GridSpecJson.write(grid));
            return grid.problems().isEmpty() ? 0 : StrideLabCommand.RUN_FAILED;
        }
    }
}
