package org.stridelab.engine.train;

import java.util.List;
import java.util.Optional;
import org.stridelab.engine.config.ConfigProblem;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * The hyper-parameters a run lets the user change while it trains, and the rule
 * for whether a new value is accepted. The rule is the configuration's own
 * checks, so a refusal gives the same reason a new run with that value would.
 */
public final class LiveSettings {

    /** What may change while a run trains or is paused. */
    public static final List<Setting<Double>> CHANGEABLE = List.of(Settings.LEARNING_RATE, Settings.STRIDE_LR,
            Settings.WEIGHT_DECAY, Settings.MIXUP, Settings.SMOOTHNESS);

    private LiveSettings() {
    }

    /** Whether the setting acts on this run at all (the stride settings only on DiffStride). */
    public static boolean appliesTo(RunConfig running, Setting<Double> setting) {
        boolean learnsStrides = running.model().method() == DownsamplingMethod.DIFFSTRIDE;
        return learnsStrides || !(setting.equals(Settings.STRIDE_LR) || setting.equals(Settings.SMOOTHNESS));
    }

    /**
     * Why {@code value} cannot replace the setting's value in the running
     * configuration, or empty when it can.
     */
    public static Optional<String> refusal(RunConfig running, Setting<Double> setting, double value) {
        if (!CHANGEABLE.contains(setting)) {
            return Optional.of("the " + setting.label() + " cannot change while a run trains");
        }
        if (!appliesTo(running, setting)) {
            return Optional.of("this run uses " + running.model().method().name().toLowerCase(java.util.Locale.ROOT)
                    + " downsampling: it learns no strides, so the " + setting.label() + " has nothing to change");
        }
        RunConfig changed = applied(running, setting, value);
        return changed.checks().stream().filter(p -> p.field().equals(setting.key())).map(ConfigProblem::message)
                .findFirst();
    }

    /** The running configuration with the new value (not checked: see {@link #refusal}). */
    public static RunConfig applied(RunConfig running, Setting<Double> setting, double value) {
        return running.toBuilder().set(setting, value).build();
    }

    /** The setting's value in a configuration. */
    public static double valueIn(RunConfig config, Setting<Double> setting) {
        return setting.read().apply(config);
    }
}
