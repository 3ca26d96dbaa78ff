package org.stridelab.engine.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes batch norm's per-channel vectors (scale, shift, running
 * statistics, their gradients) straight through the arrays' memory. Each ND4J
 * call for such a tiny array costs tens of microseconds; batch norm made about
 * twenty of them per call, some 10 ms per training step at width 0.25.
 * Double arrays (gradient checks), and every array where {@link HostKernels} are
 * off (a GPU), take ND4J's own calls.
 */
final class ChannelVectors {

    private ChannelVectors() {
    }

    private static boolean direct(INDArray a) {
        return HostKernels.enabled() && a.dataType() == DataType.FLOAT && Contiguous.is(a);
    }

    static double[] read(INDArray a) {
        if (!direct(a)) {
            return a.toDoubleVector();
        }
        FloatBuffer b = Contiguous.floats(a);
        double[] out = new double[(int) a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    static void write(INDArray a, double[] values) {
        if (!direct(a)) {
            a.assign(Nd4j.createFromArray(values).castTo(a.dataType()).reshape(a.shape()));
            return;
        }
        FloatBuffer b = Contiguous.floats(a);
        for (int i = 0; i < values.length; i++) {
            b.put(i, (float) values[i]);
        }
    }

    static void add(INDArray a, double[] values) {
        if (!direct(a)) {
            a.addi(Nd4j.createFromArray(values).castTo(a.dataType()).reshape(a.shape()));
            return;
        }
        FloatBuffer b = Contiguous.floats(a);
        for (int i = 0; i < values.length; i++) {
            b.put(i, b.get(i) + (float) values[i]);
        }
    }
}
