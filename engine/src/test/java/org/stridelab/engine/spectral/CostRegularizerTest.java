package org.stridelab.engine.spectral;

import org.stridelab.engine.nn.DoublePrecision;

import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.nn.GradientCheck;

@ExtendWith(DoublePrecision.class)
class CostRegularizerTest {

    private static List<DiffStride> layers() {
        return List.of(new DiffStride("stem", 1.2, 1.1),
            new DiffStride("s2", 2, 2, DiffStride.Options.defaults().withSharedStride(true)),
            new DiffStride("s3", 1.5, 3));
    }

    @Test
    void valueIsTheSumOfRelativeSizes() {
        List<DiffStride> l = layers();
        double p1 = 1 / (1.2 * 1.1);
        double p2 = p1 / 4;
        double p3 = p2 / 4.5;
        assertEquals(0.3 * (p1 + p2 + p3), new CostRegularizer(0.3, l).value(), 1e-12);
        assertEquals(p1 + p2 + p3, CostRegularizer.cost(List.of(new double[] {1.2, 1.1}, new double[] {2, 2},
            new double[] {1.5, 3})), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        List<DiffStride> l = layers();
        CostRegularizer reg = new CostRegularizer(0.7, l);
        l.forEach(d -> d.strideParameter().zeroGrad());
        double v = reg.addGradient();
        assertEquals(reg.value(), v, 1e-12);
        double eps = 1e-6;
        for (DiffStride d : l) {
            INDArray value = d.strideParameter().value();
            for (int i = 0; i < value.length(); i++) {
                double orig = value.getDouble(i);
                value.putScalar(i, orig + eps);
                double plus = reg.value();
                value.putScalar(i, orig - eps);
                double minus = reg.value();
                value.putScalar(i, orig);
                assertEquals((plus - minus) / (2 * eps), d.strideParameter().grad().getDouble(i), 1e-8,
                    d.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void zeroLambdaAddsNothing() {
        List<DiffStride> l = layers();
        l.forEach(d -> d.strideParameter().zeroGrad());
        assertEquals(0, new CostRegularizer(0, l).addGradient());
        for (DiffStride d : l) {
            assertEquals(0, d.strideParameter().grad().sumNumber().doubleValue());
        }
        assertThrows(IllegalArgumentException.class, () -> new CostRegularizer(-1, l));
    }
}
