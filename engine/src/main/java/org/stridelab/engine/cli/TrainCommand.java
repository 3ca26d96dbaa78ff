package org.stridelab.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.RunConfig;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.session.RunNames;
import org.stridelab.engine.session.RunSession;
import org.stridelab.engine.train.LearningRateSchedule;
import org.stridelab.engine.train.Optimizer;
import org.stridelab.engine.train.Trainer;
import org.stridelab.engine.train.TrainerControl;
import org.stridelab.engine.train.events.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stridelab train}: one run, into a run folder, with a progress bar. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a CIFAR-10 ResNet-18 and write its run folder (config, metrics, checkpoints).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", description = "strided, spectral or diffstride (default: ${DEFAULT-VALUE})",
            defaultValue = "strided")
    String method;
    @Option(names = "--strides", description = "initial strides of stages 2-4, e.g. 2,2,2 or 3,1.5,2 "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "2,2,2")
    String strides;
    @Option(names = "--width", description = "width multiplier; 0.25 gives 16..128 filters (default: ${DEFAULT-VALUE})",
            defaultValue = "1.0")
    double width;
    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})", defaultValue = "128")
    int batch;
    @Option(names = "--epochs", description = "epochs (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int epochs;
    @Option(names = "--optimizer", description = "sgd (Nesterov momentum) or adam (default: ${DEFAULT-VALUE})",
            defaultValue = "sgd")
    String optimizer;
    @Option(names = "--lr", description = "base learning rate (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double lr;
    @Option(names = "--momentum", description = "SGD momentum (default: ${DEFAULT-VALUE})", defaultValue = "0.9")
    double momentum;
    @Option(names = "--weight-decay", description = "L2 weight decay (default: ${DEFAULT-VALUE})",
            defaultValue = "5e-4")
    double weightDecay;
    @Option(names = "--schedule", description = "constant, step or cosine (default: ${DEFAULT-VALUE})",
            defaultValue = "cosine")
    String schedule;
    @Option(names = "--step-epochs", description = "step schedule: epochs between decays (default: ${DEFAULT-VALUE})",
            defaultValue = "30")
    int stepEpochs;
    @Option(names = "--gamma", description = "step schedule: decay factor (default: ${DEFAULT-VALUE})",
            defaultValue = "0.1")
    double gamma;
    @Option(names = "--mixup", description = "mixup alpha, 0 = off (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double mixup;
    @Option(names = "--no-augment", description = "no random crop and flip")
    boolean noAugment;
    @Option(names = "--patience", description = "early stopping patience in epochs, 0 = off (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int patience;
    @Option(names = "--smoothness", description = "DiffStride ramp width R (default: ${DEFAULT-VALUE})",
            defaultValue = "4")
    double smoothness;
    @Option(names = "--shared-stride", description = "DiffStride learns one stride for both axes")
    boolean sharedStride;
    @Option(names = "--stride-lr", description = "learning-rate multiplier of the strides (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    double strideLr;
    @Option(names = "--stride-min", description = "DiffStride lower stride limit, 0 = none (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    double strideMin;
    @Option(names = "--stride-max", description = "DiffStride upper stride limit, 0 = none (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    double strideMax;
    @Option(names = "--cost-lambda", description = "weight of the cost regulariser, 0 = off (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    double costLambda;
    @Option(names = "--phc", description = "PHC order n (2, 3, 4), 0 = ordinary convolutions (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int phc;
    @Option(names = "--data", description = "cifar10, generated or a folder/archive path (default: ${DEFAULT-VALUE})",
            defaultValue = "generated")
    String data;
    @Option(names = "--download", description = "download CIFAR-10 (170 MB) if it is not in the cache")
    boolean download;
    @Option(names = "--train-limit", description = "use only the first N training images, 0 = all (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int trainLimit;
    @Option(names = "--checkpoint-every", description = "also checkpoint every N steps, 0 = per epoch only "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "0")
    int checkpointEvery;
    @Option(names = "--seed", description = "seed for initialisation, data order and augmentation "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;
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
        ConsoleProgress progress = new ConsoleProgress(System.out, config.epochs());
        DatasetSplits splits = DataSourceResolver.resolve(config.data(), progress::download, download);
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
        if (config.phc() >= 2) {
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
        long ordinary = new ResNet18(config.model().withPhc(0)).parameterCount();
        System.out.printf("PHC n=%d: filters %s (multiples of %d); %,d parameters vs %,d with ordinary "
                        + "convolutions (%.2fx fewer)%s%n", config.phc(),
                Arrays.toString(config.model().filters()), config.phc(), trainer.model().parameterCount(),
                ordinary, (double) ordinary / trainer.model().parameterCount(),
                3 % config.phc() == 0 ? "" : "; the RGB stem stays an ordinary convolution (3 channels do not "
                        + "divide by " + config.phc() + ")");
    }

    private RunConfig buildConfig() {
        double[] s;
        try {
            s = Arrays.stream(strides.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--strides: '" + strides
                    + "' is not a list of three numbers such as 2,2,2");
        }
        try {
            DownsamplingMethod m = DownsamplingMethod.parse(method);
            Optimizer.Kind opt = parseEnum(Optimizer.Kind.class, optimizer, "--optimizer", "sgd or adam");
            LearningRateSchedule.Kind sched = parseEnum(LearningRateSchedule.Kind.class, schedule, "--schedule",
                    "constant, step or cosine");
            RunConfig config = new RunConfig("unnamed", m, s, width, smoothness, sharedStride, strideLr, strideMin,
                    strideMax, costLambda, phc, batch, epochs, opt, lr, momentum, weightDecay, sched, stepEpochs,
                    gamma, mixup, !noAugment, patience, checkpointEvery, DataSourceResolver.canonical(data),
                    trainLimit, seed);
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

    private <E extends Enum<E>> E parseEnum(Class<E> type, String text, String flag, String choices) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": unknown value '" + text + "'; use " + choices);
        }
    }
}
