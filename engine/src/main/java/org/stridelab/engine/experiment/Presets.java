package org.stridelab.engine.experiment;

import org.stridelab.engine.config.OptimizerKind;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.config.ScheduleKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ready-made grids. Both have the paper's table shape: three methods x five
 * stride initialisations of stages 2-4, from the usual (2, 2, 2) to the poor
 * (3, 2, 3).
 */
public final class Presets {
    public static final String PAPER = "paper";
    public static final String LECTURE = "lecture";

    /** The stride initialisations of the paper's CIFAR-10 table (stages 2, 3, 4). */
    static final List<List<Double>> PAPER_INITS = List.of(
            List.of(2.0, 2.0, 2.0),
            List.of(2.0, 2.0, 3.0),
            List.of(3.0, 1.0, 3.0),
            List.of(3.0, 1.0, 2.0),
            List.of(3.0, 2.0, 3.0));

    static final List<String> ALL_METHODS = List.of("strided", "spectral", "diffstride");

    private Presets() {
    }

    public static List<String> names() {
        return List.of(PAPER, LECTURE);
    }

    public static GridSpec named(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case PAPER -> paper();
            case LECTURE -> lecture();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "': use "
                    + String.join(" or ", names()));
        };
    }

    /**
     * The published protocol: full-width ResNet-18 on CIFAR-10, SGD with
     * momentum 0.9, learning rate 0.1, weight decay 5e-3, batch 256, a step
     * schedule; strided convolutions and spectral pooling for 150 epochs,
     * DiffStride for at most 40 with early stopping. Takes days on a CPU: run
     * it sharded on several machines or a GPU.
     */
    public static GridSpec paper() {
        TrainingProtocol protocol = new TrainingProtocol(RunConfig.builder()
                .set(Settings.WIDTH, 1.0)                  // 64, 128, 256, 512 filters
                .set(Settings.EPOCHS, 150)                 // strided, spectral
                .set(Settings.OPTIMIZER, OptimizerKind.SGD) // Nesterov momentum in this engine
                .set(Settings.LEARNING_RATE, 0.1).set(Settings.MOMENTUM, 0.9).set(Settings.WEIGHT_DECAY, 5e-3)
                .set(Settings.SCHEDULE_KIND, ScheduleKind.STEP) // lr x0.1 after epochs 50 and 100: three equal phases
                .set(Settings.STEP_EPOCHS, 50).set(Settings.STEP_GAMMA, 0.1)
                .set(Settings.AUGMENT, true)               // random crop (4 px padding) and flip
                .set(Settings.PATIENCE, 0)                 // no early stopping for the fixed-stride methods
                .set(Settings.CHECKPOINT_EVERY, 100)       // ~half an epoch at batch 256
                // DiffStride: R = 4, a stride per axis, stride lr x1, no stride limits, no cost term (the defaults).
                .set(Settings.DATA_SOURCE, "cifar10")      // the real CIFAR-10 (download it first)
                .set(Settings.TRAIN_LIMIT, 0)              // all 50,000 training images
                .build());
        return new GridSpec(PAPER,
                "The published ResNet-18 / CIFAR-10 protocol (Riad et al., ICLR 2022): 3 methods x 5 stride "
                        + "initialisations. DiffStride trains at most 40 epochs with early stopping.",
                ALL_METHODS, PAPER_INITS, List.of(256), List.of(0.0), List.of(0), List.of(1L), protocol,
                // DiffStride: at most 40 epochs, stop after 10 without a better validation accuracy; the step
                // schedule keeps its three phases (lr x0.1 after epochs 15 and 30).
                Map.of("diffstride", ordered("epochs", 40, "patience", 10, "stepEpochs", 15)),
                // Circular shifts of 1-4 px on all 5,000 test images.
                new ProbeSettings(ShiftMode.CIRCULAR, 4, 0));
    }

    /**
     * The paper's table in a lecture: a quarter-width network on the
     * generated pattern data (no download), a few minutes per cell on a
     * laptop. Same table shape and optimiser as the paper; shorter training.
     * Measured on a shared 2-core machine under load: one epoch of 2,560
     * images took 76 s with strided convolutions and 180 s with DiffStride at
     * (2, 2, 2) (its stem keeps the full resolution), i.e. about 8 and 18
     * minutes per cell there; an idle 4-8 core laptop should be several
     * times faster (not measured).
     * Its accuracies say nothing about CIFAR-10: it shows the effect of the
     * stride initialisation, not the published numbers.
     */
    public static GridSpec lecture() {
        TrainingProtocol protocol = new TrainingProtocol(RunConfig.builder()
                .set(Settings.WIDTH, 0.25)                 // 16, 32, 64, 128 filters
                .set(Settings.EPOCHS, 6)                   // every method
                // the paper's optimiser; weight decay 5e-4: 5e-3 is tuned for 150 epochs
                .set(Settings.OPTIMIZER, OptimizerKind.SGD).set(Settings.LEARNING_RATE, 0.1)
                .set(Settings.MOMENTUM, 0.9).set(Settings.WEIGHT_DECAY, 5e-4)
                // Cosine to zero: no plateau in a short run (the step schedule's settings are unused).
                .set(Settings.SCHEDULE_KIND, ScheduleKind.COSINE).set(Settings.STEP_EPOCHS, 6)
                .set(Settings.AUGMENT, true)               // random crop and flip
                .set(Settings.PATIENCE, 0)                 // every method gets the same 6 epochs
                .set(Settings.CHECKPOINT_EVERY, 0)         // once per epoch
                .set(Settings.DATA_SOURCE, "generated")    // the generated pattern dataset (works offline)
                .set(Settings.TRAIN_LIMIT, 2560)           // the first 2,560 of its 10,000 images: 20 batches an epoch
                .build());
        return new GridSpec(LECTURE,
                "The paper's table at lecture scale: width 0.25, generated data (2,560 training images), 6 epochs; "
                        + "3 methods x 5 stride initialisations. Not comparable to the published CIFAR-10 numbers.",
                ALL_METHODS, PAPER_INITS, List.of(128), List.of(0.0), List.of(0), List.of(1L), protocol, Map.of(),
                // Circular shifts of 1-4 px on the first 200 test images: 17 forward passes over them, about a
                // third of one training epoch here.
                new ProbeSettings(ShiftMode.CIRCULAR, 4, 200));
    }

    /** A few short lines per preset, for {@code grid --help}, generated from the presets themselves. */
    public static String summary() {
        StringBuilder b = new StringBuilder();
        for (String name : names()) {
            GridSpec s = named(name);
            TrainingProtocol p = s.protocol();
            String indent = " ".repeat(11);
            b.append(String.format(Locale.ROOT, "  %-8s %d cells: %s x %d stride inits%n", name, s.cells().size(),
                    String.join(", ", s.methods()), s.strideInits().size()));
            b.append(indent).append(String.format(Locale.ROOT, "width %s, data %s, train limit %d, batch %s%n",
                    GridCell.number(p.get(Settings.WIDTH)), p.get(Settings.DATA_SOURCE), p.get(Settings.TRAIN_LIMIT), s.batchSizes()));
            b.append(indent).append(String.format(Locale.ROOT, "%s lr %s, momentum %s, weight decay %s%n",
                    p.get(Settings.OPTIMIZER), GridCell.number(p.get(Settings.LEARNING_RATE)), GridCell.number(p.get(Settings.MOMENTUM)),
                    GridCell.number(p.get(Settings.WEIGHT_DECAY))));
            b.append(indent).append(String.format(Locale.ROOT, "%d epochs, %s schedule%s%s%n", p.get(Settings.EPOCHS),
                    p.get(Settings.SCHEDULE_KIND).name().toLowerCase(Locale.ROOT), p.get(Settings.SCHEDULE_KIND) == ScheduleKind.STEP
                            ? " (lr x" + GridCell.number(p.get(Settings.STEP_GAMMA)) + " every " + p.get(Settings.STEP_EPOCHS) + ")" : "",
                    p.get(Settings.PATIENCE) > 0 ? ", patience " + p.get(Settings.PATIENCE) : ""));
            s.methodOverrides().forEach((m, o) -> {
                b.append(indent).append(m).append(':');
                o.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v));
                b.append(String.format("%n"));
            });
        }
        return b.toString();
    }

    /** An insertion-ordered map from alternating keys and values (Map.of has no stable order). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
