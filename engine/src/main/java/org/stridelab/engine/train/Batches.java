package org.stridelab.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.Batch;
import org.stridelab.engine.data.LabeledImages;

/** Turns the loader's plain-array batches into ND4J arrays in the current workspace. */
final class Batches {
    private Batches() {
    }

    static INDArray images(Batch batch) {
        return Nd4j.create(batch.images(), new long[]{batch.size(), LabeledImages.CHANNELS, LabeledImages.SIDE,
                LabeledImages.SIDE}, 'c').castTo(Nd4j.defaultFloatingPointType());
    }

    static INDArray targets(Batch batch) {
        return Nd4j.create(batch.targets(), new long[]{batch.size(), batch.targets().length / batch.size()}, 'c')
                .castTo(Nd4j.defaultFloatingPointType());
    }

    static int countCorrect(INDArray logits, int[] labels) {
        int[] predicted = Nd4j.argMax(logits, 1).toIntVector();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
