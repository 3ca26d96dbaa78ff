package org.stridelab.engine.cli;


import org.stridelab.engine.session.GracefulStop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.RunPresets;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.session.RunNames;
import org.stridelab.engine.session.RunSession;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stridelab train}: one run, into a run folder, with a progress bar. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = SettingOptions.class,
        description = {"Train a CIFAR-10 ResNet-18 and write its run folder (config, metrics, checkpoints).",
                "Every run setting is an option; the defaults are the lab's (a width-0.25 network for 10 epochs); "
                        + "the paper's network is --width 1."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", description = "start from a named configuration (demo: DiffStride strides that "
            + "visibly move within minutes; baseline: the defaults); other options change it")
    String preset;
    @Option(names = "--download", description = "download CIFAR-10 (170 MB) if it is not in the cache")
    boolean download;
    @Option(names = "--out", description = "run folder (default: runs/<method>-<strides>-<time>)")
    Path out;
    @Option(names = "--resume", description = "continue the run in this folder from its last checkpoint")
    Path resume;

    @Override
    public Integer call() throws Exception {
        RunSession session;
        if (resume != null) {
            session = RunSession.reopen(resume);
        } else {
            RunConfig config = buildConfig();
            session = RunSession.create(out != null ? out : Path.of("runs", config.name()), config);
        }
        RunConfig config = session.config();
        ConsoleProgress progress = new ConsoleProgress(System.out, config.schedule().epochs());
        DatasetSplits splits = DataSourceResolver.resolve(config.data().source(), progress::download, download);
        Trainer trainer = session.prepare(splits, new TrainerControl());
        if (resume != null && !session.resumed()) {
            System.out.println("no checkpoint in " + session.folder().path() + " yet: starting the run from the "
                    + "beginning");
        }
        if (session.alreadyFinished()) {
            System.out.println(session.folder().path() + " has already finished; see summary.json");
            return 0;
        }
        System.out.printf("%s | %s | %,d parameters | %,d multiply-adds per image%n", config.label(),
                splits.description(), trainer.model().parameterCount(), trainer.model().multiplyAdds(32, 32));
        if (config.model().phc() >= 2) {
            printPhc(config, trainer);
        }
        System.out.println("run folder: " + session.folder().path().toAbsolutePath());
        RunSummary summary;
        try (GracefulStop signals = new GracefulStop(trainer.control()::stop, session::lastCheckpoint,
                GracefulStop.DEFAULT_BOUND, System.err)) {
            summary = session.run(List.of(progress));
            if (signals.signalled()) {
                System.out.println("stopped by a signal; kept " + session.lastCheckpoint() + "; continue with: "
                        + session.resumeCommand());
                return signals.exitCode(0);
            }
        }
        if (summary == null) {
            return progress.failed() ? StrideLabCommand.RUN_FAILED : 0;
        }
        System.out.printf("validation %.2f %% (best, epoch %d), test %.2f %%; results in %s%n",
                100 * summary.bestValidationAccuracy(), summary.bestEpoch(), 100 * summary.testAccuracy(),
                session.folder().summary());
        return 0;
    }

    private static void printPhc(RunConfig config, Trainer trainer) {
        long ordinary = new ResNet18(config.modelConfig().withPhc(0)).parameterCount();
        System.out.printf("PHC n=%d: filters %s (multiples of %d); %,d parameters vs %,d with ordinary "
                        + "convolutions (%.2fx fewer)%s%n", config.model().phc(),
                Arrays.toString(config.modelConfig().filters()), config.model().phc(), trainer.model().parameterCount(),
                ordinary, (double) ordinary / trainer.model().parameterCount(),
                3 % config.model().phc() == 0 ? "" : "; the RGB stem stays an ordinary convolution (3 channels do not "
                        + "divide by " + config.model().phc() + ")");
    }

    private RunConfig buildConfig() {
        try {
            RunConfig.Builder b = SettingOptions.given(spec, preset == null ? RunConfig.defaults()
                    : RunPresets.named(preset));
            RunConfig config = b.set(Settings.DATA_SOURCE, DataSourceResolver.canonical(
                    b.build().data().source())).build();
            String name = out != null && out.getFileName() != null
                    ? RunNames.fromFolder(out.getFileName().toString()) : RunNames.fresh(config, LocalDateTime.now());
            config = config.withName(name);
            var problems = config.problems();
            if (!problems.isEmpty()) {
                throw new ParameterException(spec.commandLine(), String.join("\n", problems));
            }
            if (out == null && Files.exists(Path.of("runs", name))) {
                throw new ParameterException(spec.commandLine(), "runs/" + name + " exists; give --out");
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
