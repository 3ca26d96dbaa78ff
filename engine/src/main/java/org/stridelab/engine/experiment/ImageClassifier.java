package org.stridelab.engine.experiment;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.LabeledImages;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.train.Workspaces;

/**
 * Anything that predicts a class per image. The shift probe needs nothing
 * more, which lets tests probe classifiers whose invariance is known exactly.
 */
@FunctionalInterface
public interface ImageClassifier {

    /** Workspace of the probe's forward passes (its own: it may run beside an evaluation in another thread). */
    String WORKSPACE = "STRIDELAB_SHIFT_PROBE";

    /**
     * @param images normalised images, CHW, {@code count * 3072} values
     * @param count  number of images
     * @return the predicted class of each image
     */
    int[] predict(float[] images, int count);

    /**
     * A network in evaluation mode (running batch-norm statistics). Each batch
     * runs in one reused ND4J workspace, like {@code Evaluator}; only the
     * predicted classes (a Java array) leave it.
     */
    static ImageClassifier of(ResNet18 model) {
        return (images, count) -> {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                    .getAndActivateWorkspace(Workspaces.STEP, WORKSPACE)) {
                INDArray x = Nd4j.create(images, new long[]{count, LabeledImages.CHANNELS, LabeledImages.SIDE,
                        LabeledImages.SIDE}, 'c').castTo(Nd4j.defaultFloatingPointType());
                INDArray logits = model.forward(x, false);
                return Nd4j.argMax(logits, 1).toIntVector();
            } finally {
                model.clearCache();
            }
        };
    }
}
