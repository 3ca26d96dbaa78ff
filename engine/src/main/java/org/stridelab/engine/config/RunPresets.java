package org.stridelab.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * Named starting points for a single run ({@code train --preset NAME}, the
 * app form's preset list). The grid's presets are the experiment package's.
 */
public final class RunPresets {
    public static final String DEMO = "demo";
    public static final String BASELINE = "baseline";

    private RunPresets() {
    }

    /** The presets by name, in the order lists show them. */
    private static final Map<String, Supplier<RunConfig>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put(DEMO, RunPresets::demo);
        PRESETS.put(BASELINE, RunConfig::defaults);
    }

    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The preset called {@code name} (any case). */
    public static RunConfig named(String name) {
        Supplier<RunConfig> preset = PRESETS.get(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
        if (preset == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "': use " + String.join(" or ", names()));
        }
        return preset.get();
    }

    /**
     * Strides you can see move, for a lecture: DiffStride from a poor
     * initialisation (3, 1, 3) with the strides learning 30 times faster than
     * the weights, at a constant learning rate, on 2,048 generated images in
     * batches of 32 (64 steps an epoch), two epochs. Measured on the 2-core
     * build machine (headless; the app trains at the same speed): the stage-2
     * stride went from 3.14 to 4.29 within 2.5 minutes (about 20 images/s),
     * and the whole run takes a few minutes. A demonstration of learned
     * strides, not a recipe for accuracy.
     */
    public static RunConfig demo() {
        return RunConfig.builder()
                .set(Settings.NAME, DEMO)
                .set(Settings.METHOD, DownsamplingMethod.DIFFSTRIDE)
                .set(Settings.STRIDES, new double[]{3, 1, 3})
                .set(Settings.WIDTH, 0.25)
                .set(Settings.BATCH_SIZE, 32)
                .set(Settings.EPOCHS, 2)
                .set(Settings.TRAIN_LIMIT, 2048)
                .set(Settings.LEARNING_RATE, 0.05)
                .set(Settings.SCHEDULE_KIND, ScheduleKind.CONSTANT)
                .set(Settings.STRIDE_LR, 30.0)
                .build();
    }
}
