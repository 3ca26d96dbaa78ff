package org.stridelab.engine.train;

import org.stridelab.engine.config.OptimizerKind;
import org.stridelab.engine.config.ScheduleKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.stridelab.engine.nn.Parameter;

/**
 * The grouped optimiser (flat buffers, one ND4J updater per group) moves every
 * parameter exactly as ND4J's updater applied to that parameter alone would,
 * with weight decay and learning-rate multipliers, and its per-parameter state
 * survives a save and restore.
 */
class OptimizerTest {
    private static final double DECAY = 5e-3;

    private static List<Parameter> parameters() {
        return List.of(
                Parameter.weight("conv", Nd4j.randn(1, new long[]{4, 3, 3, 3}).castTo(DataType.FLOAT)),
                Parameter.noDecay("bn.gamma", Nd4j.randn(2, new long[]{4}).castTo(DataType.FLOAT)),
                Parameter.weight("fc", Nd4j.randn(3, new long[]{5, 2}).castTo(DataType.FLOAT)),
                new Parameter("stride", Nd4j.createFromArray(2f, 2f), false, 0.3));
    }

    private static INDArray gradient(int step, Parameter p) {
        return Nd4j.randn(100L * step + p.name().hashCode(), p.value().shape()).castTo(DataType.FLOAT);
    }

    private static LearningRateSchedule schedule() {
        return new LearningRateSchedule(ScheduleKind.COSINE, 0.1, 10, 1, 1, 1);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void groupedUpdateEqualsNd4jUpdaterPerParameter(OptimizerKind kind) {
        List<Parameter> grouped = parameters();
        List<Parameter> reference = parameters();
        Optimizer optimizer = new Optimizer(kind, schedule(), 0.9, DECAY, grouped);
        GradientUpdater<?>[] updaters = new GradientUpdater<?>[reference.size()];
        for (int i = 0; i < reference.size(); i++) {
            IUpdater config = kind == OptimizerKind.SGD ? new Nesterovs(schedule(), 0.9) : new Adam(schedule());
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(reference.get(i).size()));
            updaters[i] = config.instantiate(state, true);
        }
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < grouped.size(); i++) {
                grouped.get(i).grad().addi(gradient(step, grouped.get(i)));
                Parameter r = reference.get(i);
                INDArray g = gradient(step, r).reshape(1, r.size());
                if (r.weightDecay()) {
                    g.addi(r.value().reshape(1, r.size()).mul(DECAY));
                }
                updaters[i].applyUpdater(g, step, 0);
                r.value().subi(g.muli(r.learningRateMultiplier()).reshape(r.value().shape()));
            }
            optimizer.step(step, 0);
        }
        for (int i = 0; i < grouped.size(); i++) {
            assertClose(reference.get(i).value(), grouped.get(i).value(), grouped.get(i).name());
            assertEquals(0, grouped.get(i).grad().amaxNumber().doubleValue(), "gradients zeroed");
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void stateSurvivesSaveAndRestore(OptimizerKind kind) {
        List<Parameter> first = parameters();
        Optimizer a = new Optimizer(kind, schedule(), 0.9, DECAY, first);
        for (int step = 0; step < 3; step++) {
            for (Parameter p : first) {
                p.grad().addi(gradient(step, p));
            }
            a.step(step, 0);
        }
        var saved = a.state();
        assertEquals(kind == OptimizerKind.SGD ? 108 : 216, saved.get("conv").length(), "per-parameter layout: [v] or [m | v]");

        List<Parameter> second = parameters();
        Optimizer b = new Optimizer(kind, schedule(), 0.9, DECAY, second);
        for (int i = 0; i < first.size(); i++) {
            second.get(i).value().assign(first.get(i).value());
        }
        b.restore(saved);
        for (int i = 0; i < first.size(); i++) {
            first.get(i).grad().addi(gradient(3, first.get(i)));
            second.get(i).grad().addi(gradient(3, second.get(i)));
        }
        a.step(3, 0);
        b.step(3, 0);
        for (int i = 0; i < first.size(); i++) {
            assertClose(first.get(i).value(), second.get(i).value(), first.get(i).name());
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void parametersKeepTheirValuesAndShapesWhenMoved(OptimizerKind kind) {
        List<Parameter> params = parameters();
        INDArray before = params.get(0).value().dup();
        new Optimizer(kind, schedule(), 0.9, DECAY, params);
        assertClose(before, params.get(0).value(), "value kept when moved into the flat buffer");
        assertEquals(java.util.Arrays.toString(new long[]{4, 3, 3, 3}),
                java.util.Arrays.toString(params.get(0).value().shape()));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue() / scale, 1e-5, what);
    }
}
