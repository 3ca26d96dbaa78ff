package org.stridelab.engine.cli;

import org.stridelab.engine.about.RuntimeReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless lab: {@code stridelab train | evaluate | bench | download}. */
@Command(name = "stridelab", mixinStandardHelpOptions = true, versionProvider = StrideLabCommand.Version.class,
        description = "Train and compare strided, spectral and DiffStride ResNet-18s on CIFAR-10, headless.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, BenchCommand.class, DownloadCommand.class, GridCommand.class})
public final class StrideLabCommand implements Runnable {

    /** {@code --version}: the version, and the backend, natives and CPU features this installation runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return RuntimeReport.lines().toArray(String[]::new);
        }
    }

    /** Exit code for a run that could not start or failed (bad flags exit with 2, as usage errors). */
    public static final int RUN_FAILED = 1;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(LaunchEnvironment.prepare(args)));
    }

    /** Runs a command line and returns its exit code (for tests and the launcher). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new StrideLabCommand());
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            line.getErr().println("stridelab: " + message);
            return RUN_FAILED;
        });
        return cli.execute(args);
    }
}
