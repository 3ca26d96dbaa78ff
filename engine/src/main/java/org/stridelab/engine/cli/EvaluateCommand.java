package org.stridelab.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.train.Checkpoint;
import org.stridelab.engine.train.Evaluation;
import org.stridelab.engine.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stridelab evaluate RUN}: accuracy of a saved run's best (or latest) weights. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a saved run's weights on the validation and test images.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the run folder")
    Path run;

    @Option(names = "--latest", description = "use the latest checkpoint instead of the best validation weights")
    boolean latest;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(run);
        RunConfig config = folder.readConfig();
        Path weights = !latest && Files.exists(folder.best()) ? folder.best() : folder.checkpoint();
        if (!Files.exists(weights)) {
            System.err.println("stridelab: " + run + " has no checkpoint yet: train it first");
            return StrideLabCommand.RUN_FAILED;
        }
        DatasetSplits splits = DataSourceResolver.resolve(config.data().source(), (d, t) -> { }, false);
        ResNet18 model = new ResNet18(config.modelConfig());
        Checkpoint.load(weights, model, null);
        int batch = Math.max(256, config.data().batchSize());
        Evaluation val;
        Evaluation test;
        try {
            // Halves its batch when memory runs out, as training's evaluation does (its advice sends users here).
            val = Evaluator.evaluateWithinMemory(model, splits.validation(), batch, () -> { });
            test = Evaluator.evaluateWithinMemory(model, splits.test(), batch, () -> { });
        } catch (OutOfMemoryError oom) {
            System.err.println("stridelab: out of memory evaluating " + run + " even in batches of "
                    + Evaluator.MIN_BATCH + " (" + oom.getMessage() + "); free memory or raise "
                    + "-Dorg.bytedeco.javacpp.maxphysicalbytes");
            return StrideLabCommand.RUN_FAILED;
        }
        System.out.printf("%s (%s weights) on %s%n", config.label(), weights.getFileName(), splits.description());
        System.out.printf("validation: accuracy %.2f %%, loss %.4f (%d images)%n", 100 * val.accuracy(), val.loss(),
                val.images());
        System.out.printf("test:       accuracy %.2f %%, loss %.4f (%d images)%n", 100 * test.accuracy(), test.loss(),
                test.images());
        return 0;
    }
}
